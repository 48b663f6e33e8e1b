// The "ready offline" line names every province whose rules the page has stored,
// whichever call fetched them: on the portal page its embedded application form (an
// async check on the page's core) fetches the notice's province before the page asks
// anything of it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, DESKTOP, open, withServerAndBrowser } from './harness.mjs';

const session = withServerAndBrowser(DESKTOP);

test('the portal\'s ready-offline line names the provinces its forms fetched', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.waitForFunction(() => document.documentElement.dataset.offlineReady && navigator.serviceWorker.controller,
    null, { timeout: 30000 });
  const fetched = await page.evaluate(() => [...new Set(performance.getEntriesByType('resource')
    .map((r) => new URL(r.name).pathname).filter((p) => p.startsWith('/provinces/'))
    .map((p) => p.slice('/provinces/'.length, -'.json'.length)))]);
  assert.ok(fetched.length > 0, 'the portal fetched a province');
  const names = cli({ kind: 'catalog' }).provinces.filter((p) => fetched.includes(p.id)).map((p) => p.name);
  await page.waitForFunction((list) => {
    const line = document.getElementById('offline-status')?.textContent ?? '';
    return list.every((name) => line.includes(name));
  }, names, { timeout: 15000 }).catch(() => {});
  const line = await page.locator('#offline-status').textContent();
  for (const name of names) assert.ok(line.includes(name), `${name} is not named in: ${line}`);
  assert.deepEqual(session.browser.problems, []);
});
