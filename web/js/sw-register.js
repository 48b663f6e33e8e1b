// Registers the service worker under the site's content version, so a new build
// installs a new worker and cache while an unchanged site keeps the current one.
async function register() {
  if (!('serviceWorker' in navigator)) return;
  let version = 'dev';
  try {
    version = (await (await fetch('build-info.json')).json()).version;
  } catch {
    // Offline without a cached copy: keep whatever worker is already registered.
    return;
  }
  await navigator.serviceWorker.register(`sw.js?v=${version}`);
  await navigator.serviceWorker.ready;
  document.documentElement.dataset.offlineReady = version;
}
register().catch(() => {});
