// A site update keeps what a visitor fetched on demand: a province's rules stored
// offline under one version are stored again under the next, so the page still
// answers for that province with the network cut (issue 24: kept across updates).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DESKTOP, site, startBrowser, startServer } from './harness.mjs';

const cachedPaths = (page) => page.evaluate(async () => {
  const byCache = {};
  for (const key of await caches.keys()) {
    byCache[key] = (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname);
  }
  return byCache;
});

test('a province stored offline is kept when the site is updated', async () => {
  const root = mkdtempSync(join(tmpdir(), 'jianxi-site-'));
  cpSync(site, root, { recursive: true });
  const first = JSON.parse(readFileSync(join(root, 'build-info.json'), 'utf8'));
  let server = await startServer({ root });
  const browser = await startBrowser(DESKTOP);
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    await page.goto(`${server.origin}/eligibility.html`);
    await page.waitForFunction(() => document.documentElement.dataset.offlineReady && navigator.serviceWorker.controller,
      null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => fetch('provinces/jilin.json').then((r) => r.status)), 200);
    // The worker stores what it fetched while it answers: wait for the copy.
    for (let waited = 0; !Object.values(await cachedPaths(page)).flat().includes('/provinces/jilin.json'); waited += 100) {
      assert.ok(waited < 10000, 'the province fetched through the worker is stored');
      await page.waitForTimeout(100);
    }

    // The next build: same files, a new content version.
    await server.stop();
    const next = { ...first, version: `${first.version}-next` };
    writeFileSync(join(root, 'build-info.json'), JSON.stringify(next));
    rmSync(join(root, 'build-info.json.br'), { force: true });
    rmSync(join(root, 'build-info.json.gz'), { force: true });
    server = await startServer({ root, port: server.port });

    await page.reload();
    const nextCache = `jianxi-${next.version}`;
    for (let waited = 0; ; waited += 200) {
      const keys = Object.keys(await cachedPaths(page));
      if (keys.length === 1 && keys[0] === nextCache) break;
      assert.ok(waited < 30000, `the new version's worker took over: ${keys}`);
      await page.waitForTimeout(200);
    }
    assert.ok((await cachedPaths(page))[nextCache].includes('/provinces/jilin.json'),
      'the province fetched under the earlier version is stored under the new one');
    assert.ok(!(await cachedPaths(page))[nextCache].includes('/provinces/hunan.json'),
      'a province never asked for is still fetched only on first use');

    await browser.context.setOffline(true);
    assert.equal(await page.evaluate(() => fetch('provinces/jilin.json').then((r) => r.status, () => 'failed')), 200);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
