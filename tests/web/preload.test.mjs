// Each page names in its head every module it loads and the rule core's .wasm
// (scripts/preload-site.mjs), so the browser fetches them at once instead of one link
// of the import chain after another; the .wasm preload must be the very response the
// module's loader uses, or the 260 KB would come twice.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startBrowser, startServer } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

for (const path of ['', 'eligibility.html', 'estimate.html', 'portal.html', 'compare.html', 'examples/portal-embed/']) {
  test(`${path || 'the home page'} preloads its modules and the .wasm, which comes once`, async () => {
    const browser = await startBrowser();
    try {
      const wasm = `${server.origin}/jianxi_module.wasm`;
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/${path}`);
      await page.waitForSelector('body[data-ready="true"]');
      const { preloaded, wasmPreload, entries } = await page.evaluate(() => ({
        preloaded: [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.href),
        wasmPreload: [...document.querySelectorAll('link[rel="preload"][as="fetch"]')].map((l) => l.href),
        entries: [...document.querySelectorAll('script[type="module"][src]')].map((s) => s.src),
      }));
      assert.deepEqual(wasmPreload, [wasm]);
      // The page's own fetches (the service worker stores the site once more, and the
      // portal's worker has a module of its own, by design).
      const wasmFetches = await page.evaluate((url) => performance.getEntriesByName(url).length, wasm);
      assert.equal(wasmFetches, 1, 'the page fetched the .wasm more than once');
      const modules = await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((r) => r.initiatorType === 'script' || r.initiatorType === 'link' || r.initiatorType === 'other')
        .map((r) => r.name).filter((u) => /\.m?js$/.test(new URL(u).pathname)));
      const named = new Set([...preloaded, ...entries]);
      // Modules a page imports only when asked (a worker, the spreadsheet reader) are not preloaded.
      const unnamed = modules.filter((u) => !named.has(u) && !/\/(sw|engine-worker)\.js$|\/vendor\//.test(new URL(u).pathname));
      assert.deepEqual(unnamed, []);
      assert.ok(preloaded.includes(`${server.origin}/jianxi.js`), 'the module API is preloaded');
      assert.deepEqual(browser.problems, []);
    } finally {
      await browser.close();
    }
  });
}
