// English place names (issue 23 item 16): in English the place picker offers the
// core's English names (南昌市 as Nanchang, with the Chinese beside it), finds them by
// what an English reader types, and the minimum-wage line and the core's English
// messages name the place in English, not 江西省南昌市 inside an English sentence.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, PHONE, shot, withServerAndBrowser } from './harness.mjs';

const session = withServerAndBrowser(PHONE, { isMobile: true, hasTouch: true, serviceWorkers: 'block' });
const HAN = /\p{Script=Han}/u;

test('phone, English: Nanchang is offered, picked and named in English', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await page.click('#lang-switch');
  await page.click('#clear');
  await page.selectOption('#place-province', 'jiangxi');
  await page.locator('#place-city').pressSequentially('Nanchang');
  const option = page.locator('#place-city-list li[data-value="360100"]');
  await option.waitFor();
  assert.match(await option.textContent(), /^Nanchang \(南昌市\)/);
  await option.click();
  const card = page.locator('#trainees > li').nth(0);
  await card.locator('[name="category"]').selectOption('college_graduate');
  await card.locator('[name="start"]').fill('2023-09-01');
  await card.locator('[name="end"]').fill('2024-02-29');
  await page.waitForFunction(() => document.getElementById('wage-place').textContent.includes('Nanchang'));
  const place = await page.locator('#wage-place').textContent();
  assert.match(place, /Place: Nanchang, Jiangxi/);
  assert.doesNotMatch(place, HAN);
  // The core's English messages about the place name it in English too.
  const placeFindings = await page.locator('.finding').allTextContents();
  const naming = placeFindings.filter((text) => /Nanchang, Jiangxi/.test(text));
  assert.ok(naming.length > 0, placeFindings.join('\n'));
  for (const text of placeFindings) assert.doesNotMatch(text, /江西省南昌市/, text);
  await shot(page, 'place-english-phone');
});

test('typed before the province\'s places arrive: the list is offered when they come, without another keystroke', async () => {
  const page = session.browser.context.pages()[0] ?? await session.browser.context.newPage();
  // Inputs kept from an earlier test would have the page fetch 江西 as it starts. They are
  // cleared on a page of the same origin that runs no script: on the estimate page itself,
  // rules arriving late would save the inputs again after the clear.
  await page.goto(`${session.server.origin}/examples/estimate.json`);
  await page.evaluate(() => localStorage.clear());
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/provinces/jiangxi.json', async (route) => { await held; await route.continue(); });
  await page.goto(`${session.server.origin}/estimate.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#lang-switch');
  await page.selectOption('#place-province', 'jiangxi');
  await page.locator('#place-city').click();
  await page.locator('#place-city').pressSequentially('Nanchang');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#place-city-list').isHidden(), true, 'nothing to offer before the places come');
  release();
  await page.locator('#place-city-list li[data-value="360100"]').waitFor({ timeout: 5000 });
  await page.unroute('**/provinces/jiangxi.json');
});
