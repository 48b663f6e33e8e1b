// The home page in headless Chromium: the module loads from this origin only and
// the page lists every notice the rules hold, as the CLI's policies answer does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, DESKTOP, foreign, open, PHONE, shot, withServerAndBrowser } from './harness.mjs';

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

test('on a phone, in English each notice is named by its province and title in English', async () => {
  const page = await open(session.browser.context, session.server.origin, '');
  await page.setViewportSize(PHONE);
  await page.waitForSelector('#policies li');
  await shot(page, 'home-phone-zh');
  await page.click('#lang-switch');
  const catalog = cli({ kind: 'catalog', sections: ['policies'] });
  const shown = await page.locator('#policies li').allTextContents();
  catalog.policies.forEach((p, i) => {
    const province = catalog.provinces.find((x) => x.id === p.province);
    assert.ok(shown[i].startsWith(`${province.name_en}: ${p.title_en} (`), shown[i]);
    assert.ok(shown[i].includes(`in force from ${p.effective_from}`), shown[i]);
  });
  await shot(page, 'home-phone-en');
  assert.deepEqual(session.browser.problems, []);
});
