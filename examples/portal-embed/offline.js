// Offline after the first visit: the site's service worker (its scope is the site's
// root) keeps this example, the layer and the rule core on the device. A portal does
// the same with its own service worker.
export async function keepOffline() {
  if (!('serviceWorker' in navigator)) return;
  const root = new URL('../../', import.meta.url);
  let version = 'dev';
  try {
    version = (await (await fetch(new URL('build-info.json', root))).json()).version;
  } catch {
    return;  // offline already: the worker registered on the first visit answers
  }
  await navigator.serviceWorker.register(new URL(`sw.js?v=${version}`, root), { scope: root.pathname });
  await navigator.serviceWorker.ready;
  document.documentElement.dataset.offlineReady = version;
}
