// <jianxi-estimate> asks for the insurance premium the core asks for (issue 23): under
// 赣人社发〔2023〕9号 §3.1 the insurance is refunded at the premium actually paid, so the
// core's answer asks for it at /trainees/0/insurance_premium; the element has a field
// for it, the request's finding jumps there, and once it is filled the total includes
// it and the request is gone. Desktop in Chinese, a phone in English.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, DESKTOP, PHONE, shot, withServerAndBrowser } from './harness.mjs';

const desktop = withServerAndBrowser(DESKTOP);
const phone = withServerAndBrowser(PHONE, { isMobile: true, hasTouch: true });

// One college graduate in 南昌市, 2024-03-01 to 2024-08-31, premium 120 yuan.
const request = (premium) => ({ kind: 'subsidy', province: 'jiangxi', as_of: '2024-03-01', place: '南昌市',
  trainees: [{ category: 'college_graduate', start: '2024-03-01', end: '2024-08-31', ...(premium === undefined ? {} : { insurance_premium: premium }) }] });

const shadowText = (page) => page.evaluate(() => document.querySelector('jianxi-estimate').shadowRoot.querySelector('[part="answer"]').textContent);

async function run(session, english) {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/examples/portal-embed/index.html${english ? '?lang=en' : ''}`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  const estimate = page.locator('jianxi-estimate');
  await estimate.locator('select[name="category"]').selectOption('college_graduate');
  await estimate.locator('input[name="place"]').fill('南昌市');
  await estimate.locator('input[name="start"]').fill('2024-03-01');
  await estimate.locator('input[name="end"]').fill('2024-08-31');
  await estimate.locator('button[type="submit"]').click();
  const asked = cli(request()).warnings.find((f) => f.path === '/trainees/0/insurance_premium');
  assert.ok(asked, 'the core asks for the premium');
  // The layer names the field by its label, so the request is found by its words.
  const words = english ? /premium actually paid/ : /实际缴纳的保费/;
  await estimate.locator('[part="answer"] li.warning', { hasText: words }).waitFor();
  // The request is a button that takes the reader to the premium field.
  await estimate.locator('[part="answer"] li.warning button', { hasText: words }).click();
  assert.equal(await page.evaluate(() => document.querySelector('jianxi-estimate').shadowRoot.activeElement?.name), 'insurance_premium');
  await page.keyboard.type('120');
  await estimate.locator('button[type="submit"]').click();
  const expected = cli(request(120));
  assert.equal(expected.by_item.insurance, 120, 'the premium is refunded as paid');
  const total = expected.total.toLocaleString(english ? 'en' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  await page.waitForFunction((t) => document.querySelector('jianxi-estimate').shadowRoot.querySelector('[part="total"]')?.textContent.includes(t), total);
  assert.doesNotMatch(await shadowText(page), words, 'no longer asked');
  await estimate.scrollIntoViewIfNeeded();
  await shot(page, `embed-premium-${english ? 'phone-en' : 'desktop-zh'}`);
  await page.close();
}

test('desktop, Chinese: the premium the core asks for can be filled in', () => run(desktop, false));
test('phone, English: the premium the core asks for can be filled in', () => run(phone, true));
