// The place picker as issue 23 item 18 saw it on a phone in Chinese: a county typed in
// 城市 is offered there (no "0 项可选"), and picking it fills both boxes; "离石" + Enter
// picks 离石区, not the city listed with it; an option's details are plain words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, open, PHONE, shot, withServerAndBrowser } from './harness.mjs';

const session = withServerAndBrowser(PHONE, { isMobile: true, hasTouch: true, serviceWorkers: 'block' });
const START = '2026-01-01';
const places = cli({ kind: 'catalog', province: 'shanxi', as_of: START }).places;
const code = (name) => places.find((p) => p.name === name).code;

async function shanxi(page) {
  await page.click('#clear');
  const card = page.locator('#trainees > li').nth(0);
  await card.locator('[name="category"]').selectOption('college_graduate');
  await card.locator('[name="start"]').fill(START);
  await card.locator('[name="end"]').fill('2026-06-30');
  await page.selectOption('#place-province', 'shanxi');
  await page.waitForTimeout(300);
}

async function settle(page) {
  await page.waitForTimeout(450);
  return JSON.parse(await page.locator('#request-json').textContent());
}

test('a county typed in 城市 is offered there, and Enter picks it with its city', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await shanxi(page);
  await page.locator('#place-city').click();
  await page.locator('#place-city').pressSequentially('文水');
  await page.waitForSelector('#place-city-list li[aria-selected="true"]');
  assert.doesNotMatch(await page.locator('#place-city-count').textContent(), /^0 /);
  assert.equal(await page.locator('#place-city-list li').first().getAttribute('data-value'), code('文水县'));
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#place-city').inputValue(), '吕梁市');
  assert.equal(await page.locator('#place-county').inputValue(), '文水县');
  assert.equal((await settle(page)).place, code('文水县'));
  await shot(page, 'place-picker-county-in-city');
});

test('"离石" + Enter picks 离石区, not the city listed with it', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await shanxi(page);
  await page.locator('#place-city').click();
  await page.locator('#place-city').pressSequentially('离石');
  await page.waitForSelector('#place-city-list li[aria-selected="true"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#place-county').inputValue(), '离石区');
  assert.equal((await settle(page)).place, code('离石区'));
});

test('an option\'s details are plain words, not the notice\'s bare wording', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await shanxi(page);
  await page.locator('#place-city').click();
  const details = await page.locator('#place-city-list li .option-detail').allTextContents();
  assert.ok(details.length > 0);
  for (const d of details) assert.doesNotMatch(d, /(^|·\s*)按“/, d);
  const luliang = await page.locator(`#place-city-list li[data-value="${code('吕梁市')}"] .option-detail`).textContent();
  assert.match(luliang, /最低工资文件中“吕梁市离石区”的标准/);
  await shot(page, 'place-picker-details');
});

test('pinyin finds a place: "changsha" and the initials "css" offer 长沙市', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await page.click('#clear');
  const card = page.locator('#trainees > li').nth(0);
  await card.locator('[name="category"]').selectOption('college_graduate');
  await card.locator('[name="start"]').fill(START);
  await card.locator('[name="end"]').fill('2026-06-30');
  await page.selectOption('#place-province', 'hunan');
  await page.waitForTimeout(300);
  const changsha = cli({ kind: 'catalog', province: 'hunan', as_of: START }).places.find((p) => p.name === '长沙市').code;
  for (const typed of ['changsha', 'css']) {
    await page.locator('#place-city').fill('');
    await page.locator('#place-city').pressSequentially(typed);
    await page.waitForSelector('#place-city-list li[aria-selected="true"]');
    assert.equal(await page.locator('#place-city-list li').first().getAttribute('data-value'), changsha, typed);
  }
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#place-city').inputValue(), '长沙市');
  assert.equal((await settle(page)).place, changsha);
});
