// The pay the unit gives an intern matters only to a notice that caps its subsidy at it
// (广州, 深圳: 按最低工资标准且不高于用人单位实际支付的工作补贴金额): the estimate asks for it
// there, beside the intern, and nowhere else. A figure known only at second hand says what
// kind of source it rests on (上海's rate: an unofficial page's summary).
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
  return card;
}

test('desktop, Chinese: 上海 never asks for the pay, and its caveat names an unofficial page', async () => {
  const page = await open(desktop.browser.context, desktop.server.origin, 'estimate.html');
  const card = await estimate(page, { province: 'shanghai', city: '黄浦区', start: '2026-01-01', end: '2026-06-30' });
  await page.waitForFunction(() => document.getElementById('result').dataset.ok === 'true');
  assert.equal(await card.locator('[data-field="monthly_pay"]').isVisible(), false);
  const expected = cli({ kind: 'subsidy', province: 'shanghai', as_of: '2026-01-01', place: '黄浦区',
    trainees: [{ category: 'college_graduate', start: '2026-01-01', end: '2026-06-30' }] });
  const caveat = expected.warnings.find((w) => w.code === 'policy.figure_caveat');
  assert.match(caveat.message, /非官方网页/);
  assert.match(await page.locator('body').textContent(), /非官方网页的转述/);
  await shot(page, 'pay-field-shanghai-desktop-zh');
});

test('phone, English: 广州 asks for the pay beside the intern, then computes with it', async () => {
  const page = await open(phone.browser.context, phone.server.origin, 'estimate.html');
  await page.click('#lang-switch');
  const card = await estimate(page, { province: 'guangdong', city: '广州市', start: '2026-01-01', end: '2026-06-30' });
  const field = card.locator('[data-field="monthly_pay"]');
  await field.waitFor({ state: 'visible' });
  assert.match(await field.textContent(), /pays at most what the unit actually pays/);
  await field.locator('input').fill('3000');
  const expected = cli({ kind: 'subsidy', province: 'guangdong', as_of: '2026-01-01', place: '广州市',
    trainees: [{ category: 'college_graduate', start: '2026-01-01', end: '2026-06-30', monthly_pay: 3000 }] });
  assert.equal(expected.ok, true);
  await page.waitForFunction((v) => document.getElementById('total').dataset.value === String(v), expected.total);
  assert.equal(await field.isVisible(), true);
  await shot(page, 'pay-field-guangzhou-phone-en');
});
