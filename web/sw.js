// Service worker: on install it caches the files the pages need to work offline (the
// pages, their scripts, the rule core once, the examples), as build-info.json lists
// them, under a cache named by the site's content hash; afterwards it answers from
// that cache, so the pages work offline. build-info.json itself is fetched from the
// network first.
const VERSION = new URL(self.location).searchParams.get('v') || 'dev';
const CACHE = `jianxi-${VERSION}`;
// Fetched when first needed, then kept: each province's rules (provinces/<id>.json), so
// that a visitor downloads only the provinces asked about; the spreadsheet libraries
// (vendor/: exceljs, papaparse), which the portal fetches once a clerk turns to its
// table (web/js/vendor-prefetch.js), so that every other visit stays light; and the
// embedding examples, stored by their own pages for their visitors only.
const LATER = /^(provinces|vendor|examples\/portal-embed)\//;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const info = await (await fetch('build-info.json', { cache: 'no-store' })).json();
    const cache = await caches.open(CACHE);
    const files = info.files.filter((f) => f !== 'sw.js' && !LATER.test(f));
    await cache.addAll(['./', 'build-info.json', ...files]);
    await keepFetchedOnDemand(cache, info.files);
    await self.skipWaiting();
  })());
});

// What this visitor fetched on demand under an earlier version (a province's rules, the
// spreadsheet libraries) is fetched again, in the new version, so that an update does
// not take away what already worked offline. A file that fails now is left to be
// fetched on its next use, as on a first visit.
async function keepFetchedOnDemand(cache, files) {
  const current = new Set(files.filter((f) => LATER.test(f)));
  const scope = self.registration.scope;
  const wanted = new Set();
  for (const name of await caches.keys()) {
    if (!name.startsWith('jianxi-') || name === CACHE) continue;
    for (const request of await (await caches.open(name)).keys()) {
      const path = request.url.startsWith(scope) ? request.url.slice(scope.length) : '';
      if (current.has(path)) wanted.add(path);
    }
  }
  await Promise.allSettled([...wanted].map((path) => cache.add(path)));
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('jianxi-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
    return response;
  } catch {
    return (await caches.match(request)) ?? Response.error();
  }
}

// From the cache; what is not there yet (a library on its first use) is fetched once
// and kept for the next time, offline included. It is answered once it is kept, so a
// page that then asks the cache (the "ready offline" line) finds it.
async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: request.mode === 'navigate' });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(url.pathname.endsWith('/build-info.json')
    ? networkFirst(event.request) : cacheFirst(event.request));
});
