// Issue 25 on the estimate and eligibility pages: each says how much of the province's
// notice is known (complete / partial / notice named only / none found, as the
// comparison page does), and the estimate says who receives each line.
// 上海 (沪人社规〔2017〕22号) pays the living allowance to the intern's own account and
// the 带教费 to the unit; 江西's notice is held in full; 河北 rests on the national
// documents alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, DESKTOP, open, PHONE, shot, withServerAndBrowser } from './harness.mjs';

const desktop = withServerAndBrowser(DESKTOP, { serviceWorkers: 'block' });
const phone = withServerAndBrowser(PHONE, { isMobile: true, hasTouch: true, serviceWorkers: 'block' });

async function estimate(page, { province, city, start, end }) {
  await page.click('#clear');
  await page.selectOption('#place-province', province);
  await page.locator('#place-city').pressSequentially(city);
  await page.keyboard.press('Tab');
  const card = page.locator('#trainees > li').nth(0);
  await card.locator('[name="category"]').selectOption('college_graduate');
  await card.locator('[name="start"]').fill(start);
  await card.locator('[name="end"]').fill(end);
}

test('desktop, Chinese: 上海 pays the intern and the unit, line by line, and is known in part', async () => {
  const page = await open(desktop.browser.context, desktop.server.origin, 'estimate.html');
  await estimate(page, { province: 'shanghai', city: '黄浦区', start: '2024-03-01', end: '2024-08-31' });
  const expected = cli({ kind: 'subsidy', province: 'shanghai', as_of: '2024-03-01', place: '黄浦区',
    trainees: [{ category: 'college_graduate', start: '2024-03-01', end: '2024-08-31' }] });
  assert.equal(expected.ok, true);
  assert.ok(expected.by_payee.trainee > 0 && expected.by_payee.unit > 0, 'both receive a part');
  await page.waitForFunction((v) => document.getElementById('total').dataset.value === String(v), expected.total);
  for (const [payee, name] of [['trainee', '见习人员本人'], ['unit', '见习单位']]) {
    const row = page.locator(`#by-payee tr[data-payee="${payee}"]`);
    assert.equal(await row.locator('th').textContent(), name);
    assert.equal(await row.locator('td').getAttribute('data-value'), String(expected.by_payee[payee]));
  }
  // The lines paid to the intern say so; the unit's do not need to.
  const paidToIntern = expected.lines.filter((l) => l.payee === 'trainee').length;
  assert.ok(paidToIntern > 0);
  const groupText = await page.locator('#line-groups tbody').textContent();
  assert.match(groupText, /（付给见习人员本人）/);
  assert.equal(await page.locator('#lines tbody td', { hasText: '付给见习人员本人' }).count(), paidToIntern);
  assert.equal(await page.locator('#known-level').getAttribute('data-known'), 'partial');
  assert.match(await page.locator('#known-level').textContent(), /本省资料：部分/);
  // A provision known from a restatement is cited as such, never by its source's id.
  const citations = await page.locator('#line-groups button.rule').allTextContents();
  assert.ok(citations.length > 0 && citations.every((c) => /沪人社规〔2017〕22号（转述( \d+)?）/.test(c)), citations.join(' | '));
  await shot(page, 'known-payee-desktop-zh');
});

test('phone, English: 江西 is known in full and its lines go to the unit', async () => {
  const page = await open(phone.browser.context, phone.server.origin, 'estimate.html');
  await page.click('#lang-switch');
  await estimate(page, { province: 'jiangxi', city: '南昌市', start: '2024-03-01', end: '2024-08-31' });
  await page.waitForFunction(() => document.getElementById('result').dataset.ok === 'true');
  assert.equal(await page.locator('#known-level').getAttribute('data-known'), 'complete');
  assert.match(await page.locator('#known-level').textContent(), /What is known of this province: complete/);
  assert.equal(await page.locator('#by-payee tr[data-payee="unit"] th').textContent(), 'the unit');
  assert.equal(await page.locator('#by-payee tr[data-payee="trainee"]').count(), 0);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `no sideways scrolling (${width})`);
  await shot(page, 'known-payee-phone-en');
});

test('phone, Chinese: the eligibility check under 河北 says only the national documents stand in', async () => {
  const page = await open(phone.browser.context, phone.server.origin, 'eligibility.html');
  // The English test before kept its choice of language in this profile.
  if (await page.evaluate(() => document.documentElement.lang === 'en')) await page.click('#lang-switch');
  await page.click('#clear');
  await page.selectOption('#province', 'hebei');
  await page.locator('#as_of').fill('2026-12-04');
  await page.locator('#birth_date').fill('2003-05-01');
  await page.selectOption('#education', 'college');
  await page.locator('#graduated_on').fill('2026-06-30');
  await page.waitForFunction(() => document.getElementById('verdict-text').dataset.outcome === 'eligible'
    && document.getElementById('verdict-notice').textContent.includes('人社部函'));
  assert.equal(await page.locator('#known-level').getAttribute('data-known'), 'national');
  assert.match(await page.locator('#known-level').textContent(), /本省资料：仅有国家文件（未找到本省通知，见习条件按国家文件，补贴标准未知）/);
  await shot(page, 'known-eligibility-phone-zh');
});
