// The portal's application form starts blank; its example is labelled and cleared in
// one tap; the unit's declarations are never ticked by the page; and a report that
// still holds the example's made-up details refuses to print.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESKTOP, open, shot, withServerAndBrowser } from './harness.mjs';

const session = withServerAndBrowser(DESKTOP);

test('a first visit shows a blank application with no declaration ticked', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  const filled = await page.locator('#app-form input:not([type="checkbox"]), #app-form textarea')
    .evaluateAll((inputs) => inputs.filter((i) => i.value !== '').map((i) => i.id));
  assert.deepEqual(filled, []);
  assert.equal(await page.locator('#declarations input:checked').count(), 0);
  assert.ok(await page.locator('#app-example-note').isHidden());
});

test('the example is labelled, leaves declarations to the unit, and a half-overwritten example does not print', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.click('#app-example');
  await page.waitForTimeout(400);
  assert.ok(await page.locator('#app-example-note').isVisible(), 'the example is labelled');
  assert.equal(await page.locator('#declarations input:checked').count(), 0, 'no declaration is pre-ticked');
  // The clerk types the unit's own name and ticks the declarations, but leaves the rest.
  await page.locator('#unit-name').fill('赣州某某制造有限公司');
  for (const box of await page.locator('#declarations .field:not([hidden]) input').all()) await box.check();
  await page.waitForTimeout(400);
  await page.evaluate(() => { window.printed = false; window.print = () => { window.printed = true; }; });
  await page.click('#print-report');
  assert.equal(await page.evaluate(() => window.printed), false, 'printing is refused');
  const refused = await page.locator('#print-refused').textContent();
  assert.match(refused, /示例/);
  assert.match(refused, /统一社会信用代码|信用代码/);
  await shot(page, 'portal-example-refused');
  await page.click('#app-clear-example');
  await page.waitForTimeout(400);
  assert.ok(await page.locator('#app-example-note').isHidden());
  assert.equal(await page.locator('#unit-credit_code').inputValue(), '');
});
