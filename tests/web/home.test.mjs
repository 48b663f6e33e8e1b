// The home page in headless Chromium: the module loads from this origin only and
// the page lists every notice the rules hold, as the CLI's policies answer does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, DESKTOP, foreign, open, shot, withServerAndBrowser } from './harness.mjs';

const session = withServerAndBrowser(DESKTOP);

test('the home page lists the notices the CLI lists', async () => {
  const page = await open(session.browser.context, session.server.origin, '');
  await page.waitForSelector('#policies li');
  const shown = await page.locator('#policies li').evaluateAll((items) => items.map((li) => li.dataset.policy));
  const expected = cli({ kind: 'policies' }).policies.map((p) => p.id);
  assert.deepEqual(shown, expected);
  assert.ok(await page.evaluate(() => performance.getEntriesByName('jianxi:first-result').length === 1));
  await shot(page, 'home-desktop');
  assert.deepEqual(session.browser.problems, []);
  assert.deepEqual(foreign(session.browser.requests, session.server.origin), []);
});
