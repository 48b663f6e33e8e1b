// "人数 × N" (issue 23 item 17): an employer says how many interns are alike in one
// field instead of copying a card, and the lines stay grouped. Under 赣人社发〔2023〕9号
// §3.1 in 南昌市 (1,850 yuan a month), 2023-09 to 2024-02, premium 120:
// 1,850 × 80% = 1,480 × 6 = 8,880, plus 120 = 9,000 each; 4 alike = 36,000.
// A second card of one intern makes 45,000, shown as its own group.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESKTOP, open, PHONE, shot, withServerAndBrowser } from './harness.mjs';

const phone = withServerAndBrowser(PHONE, { isMobile: true, hasTouch: true, serviceWorkers: 'block' });
const desktop = withServerAndBrowser(DESKTOP, { serviceWorkers: 'block' });

async function fillNanchang(page) {
  await page.click('#clear');
  await page.selectOption('#place-province', 'jiangxi');
  await page.locator('#place-city').pressSequentially('南昌市');
  const card = page.locator('#trainees > li').nth(0);
  await card.locator('[name="category"]').selectOption('college_graduate');
  await card.locator('[name="start"]').fill('2023-09-01');
  await card.locator('[name="end"]').fill('2024-02-29');
  await card.locator('[name="insurance_premium"]').fill('120');
  return card;
}

test('phone: one card of 4 alike interns is 4 interns, one group of lines', async () => {
  const page = await open(phone.browser.context, phone.server.origin, 'estimate.html');
  const card = await fillNanchang(page);
  await card.locator('[name="count"]').fill('4');
  await page.waitForFunction(() => document.getElementById('total').dataset.value === '36000');
  assert.equal(await page.locator('#trainees > li').count(), 1, 'still one card');
  assert.equal(await page.locator('#line-groups th[scope="rowgroup"]').count(), 1);
  assert.match(await page.locator('#line-groups th[scope="rowgroup"]').textContent(), /见习人员 1（4 人，每人）/);
  assert.match(await page.locator('#line-groups tr.subtotal').textContent(), /每人 9,000\.00 元 × 4 人 = 36,000\.00 元/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `no sideways scrolling (${width})`);
  await page.locator('#trainees > li').first().scrollIntoViewIfNeeded();
  await shot(page, 'estimate-count-phone');
  assert.deepEqual(phone.browser.problems, []);
});

test('desktop, English: a count that is not a whole number from 1 is read as the field then shows it', async () => {
  const page = await open(desktop.browser.context, desktop.server.origin, 'estimate.html');
  await page.click('#lang-switch');
  const card = await fillNanchang(page);
  await card.locator('[name="count"]').fill('0');
  await card.locator('[name="count"]').blur();
  assert.equal(await card.locator('[name="count"]').inputValue(), '1');
  await page.waitForFunction(() => document.getElementById('total').dataset.value === '9000');
  // A second card after a card of 4: its findings and paths are its own.
  await card.locator('[name="count"]').fill('4');
  await card.locator('[name="count"]').blur();
  await card.locator('button.copy').click();
  const second = page.locator('#trainees > li').nth(1);
  await second.locator('[name="end"]').fill('2023-08-01');  // before its start: an error on this card only
  await page.waitForFunction(() => document.getElementById('result').dataset.ok === 'false');
  assert.equal(await second.getAttribute('data-path'), '/trainees/4');
  assert.equal(await second.locator('[name="end"]').getAttribute('aria-invalid'), 'true');
  assert.equal(await card.locator('[aria-invalid="true"]').count(), 0, 'the first card is not marked');
  await second.locator('[name="end"]').fill('2024-02-29');
  await page.waitForFunction(() => document.getElementById('total').dataset.value === '45000');
  const groups = await page.locator('#line-groups th[scope="rowgroup"]').allTextContents();
  assert.deepEqual(groups, ['Interns 1–2 (5 alike; each)']);
  await shot(page, 'estimate-count-desktop-en');
});
