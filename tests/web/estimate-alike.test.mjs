// Three interns alike on a phone (issue 23 item 17): the lines are grouped by intern,
// the three shown once with 每人 × 3, and the month-by-month lines folded away below.
// Under 赣人社发〔2023〕9号 §3.1 in 南昌市 (1,850 yuan a month), 2023-09 to 2024-02,
// premium 120: 1,850 × 80% = 1,480 × 6 = 8,880, plus 120 = 9,000 each, 27,000 in all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, PHONE, shot, withServerAndBrowser } from './harness.mjs';
import { fillNanchangGraduate } from './estimate-form.mjs';

const session = withServerAndBrowser(PHONE, { isMobile: true, hasTouch: true, serviceWorkers: 'block' });

test('phone: three alike interns are one group of lines, the months folded', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  const card = await fillNanchangGraduate(page);
  await card.locator('button.copy').click();
  await page.locator('#trainees > li').nth(1).locator('button.copy').click();
  await page.waitForTimeout(800);
  assert.equal(await page.locator('#total').getAttribute('data-value'), '27000');
  assert.equal(await page.locator('#line-groups th[scope="rowgroup"]').count(), 1);
  assert.match(await page.locator('#line-groups th[scope="rowgroup"]').textContent(), /见习人员 1–3（3 人，每人）/);
  assert.match(await page.locator('#line-groups tr.subtotal').textContent(), /每人 9,000\.00 元 × 3 人 = 27,000\.00 元/);
  assert.equal(await page.locator('#lines-details').evaluate((d) => d.open), false);
  assert.equal(await page.locator('#lines').isVisible(), false);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `no sideways scrolling (${width})`);
  await page.locator('#line-groups-box').scrollIntoViewIfNeeded();
  await shot(page, 'estimate-alike-phone');
  assert.deepEqual(session.browser.problems, []);
});
