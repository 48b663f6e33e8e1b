// Offline after the first visit: the site's service worker (its scope is the site's
// root) keeps the layer and the rule core on the device; this example's own files are
// not among what it stores for every visitor, so the example asks for them once the
// worker controls the page, and the worker keeps what it fetched. A portal does the
// same with its own service worker.
export async function keepOffline() {
  if (!('serviceWorker' in navigator)) return;
  const root = new URL('../../', import.meta.url);
  let info;
  try {
    info = await (await fetch(new URL('build-info.json', root))).json();
  } catch {
    return;  // offline already: the worker registered on the first visit answers
  }
  await navigator.serviceWorker.register(new URL(`sw.js?v=${info.version}`, root), { scope: root.pathname });
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
  }
  const mine = info.files.filter((f) => f.startsWith('examples/portal-embed/') && !/\.(br|gz)$/.test(f));
  await Promise.all(mine.map((f) => fetch(new URL(f, root))));
  document.documentElement.dataset.offlineReady = info.version;
}
