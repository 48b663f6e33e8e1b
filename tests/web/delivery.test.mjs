// What a first visit moves: a counting proxy in front of scripts/serve.mjs sees every
// request the browser and its service worker make. A first visit to a page downloads
// the rule core once (the worker's own copy is a revalidation, answered 304), never
// the spreadsheet libraries (they come when the portal first imports a file), and
// everything compressed.
import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import { test } from 'node:test';
import { startBrowser, startServer, DESKTOP } from './harness.mjs';

/** A proxy to origin that records [path, status, bytes on the wire, encoding] per response. */
async function countingProxy(origin) {
  const seen = [];
  const target = new URL(origin);
  const server = createServer((req, res) => {
    const up = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      let bytes = 0;
      r.on('data', (chunk) => { bytes += chunk.length; });
      r.on('end', () => seen.push({ path: req.url, status: r.statusCode, bytes, encoding: r.headers['content-encoding'] ?? '' }));
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${server.address().port}`, seen, stop: () => new Promise((done) => server.close(done)) };
}

for (const page of ['index.html', 'estimate.html', 'eligibility.html', 'portal.html']) {
  test(`first visit to ${page}: the core once, no spreadsheet library, compressed`, async () => {
    const server = await startServer();
    const proxy = await countingProxy(server.origin);
    const browser = await startBrowser(DESKTOP);
    try {
      const tab = browser.context.pages()[0] ?? await browser.context.newPage();
      await tab.goto(`${proxy.origin}/${page === 'index.html' ? '' : page}`);
      await tab.waitForSelector('body[data-ready="true"]');
      await tab.waitForFunction(() => document.documentElement.dataset.offlineReady, null, { timeout: 30000 });
      await tab.waitForTimeout(300);
      const wasm = proxy.seen.filter((r) => r.path.startsWith('/jianxi_module.wasm'));
      assert.equal(wasm.filter((r) => r.status === 200).length, 1, JSON.stringify(wasm));
      assert.ok(wasm.every((r) => r.status === 200 || r.status === 304), JSON.stringify(wasm));
      assert.deepEqual(proxy.seen.filter((r) => r.path.includes('/vendor/')), []);
      const big = proxy.seen.filter((r) => r.status === 200 && r.bytes > 1024 && !r.encoding);
      assert.deepEqual(big, [], 'every sizeable file is sent compressed');
      const total = proxy.seen.reduce((sum, r) => sum + r.bytes, 0);
      console.log(`first visit ${page}: ${proxy.seen.length} responses, ${(total / 1024).toFixed(0)} KB on the wire`);
      assert.ok(total < 900 * 1024, `${total} bytes`);
      assert.deepEqual(browser.problems, []);
    } finally {
      await browser.close();
      await proxy.stop();
      await server.stop();
    }
  });
}
