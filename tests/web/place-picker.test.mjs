// The place picker on a phone: province → city → county from the core's catalog,
// each option with its tier and monthly figure; the total equals the CLI's answer for
// the same request, and beside it the wage used each month with its source; a
// figure the tables lack is asked for in place; an ambiguous name offers its
// candidates as buttons; the choice survives a reload; English names on switching.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, foreign, open, PHONE, shot, withServerAndBrowser } from './harness.mjs';

const session = withServerAndBrowser(PHONE, { isMobile: true, hasTouch: true });

async function settle(page) {
  await page.waitForTimeout(450); // the page re-evaluates 120 ms after the last change
  return JSON.parse(await page.locator('#request-json').textContent());
}

async function dates(page, start, end) {
  const card = page.locator('#trainees > li').nth(0);
  await card.locator('[name="category"]').selectOption('college_graduate');
  await card.locator('[name="start"]').fill(start);
  await card.locator('[name="end"]').fill(end);
}

/** Types into a combobox and picks the highlighted option with Enter. */
async function pick(page, box, typed) {
  await page.locator(box).click();
  await page.locator(box).pressSequentially(typed);
  await page.waitForSelector(`${box}-list li[aria-selected="true"]`);
  await page.keyboard.press('Enter');
}

const wageList = (page) => page.locator('#wage-months li').evaluateAll((items) => items.map((li) => ({
  amount: Number(li.dataset.amount), from: li.dataset.from, to: li.dataset.to, text: li.textContent,
})));

test('吉林 → 白山市 → 浑江区: the CLI\'s total and the wage of each month with its source', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await page.click('#clear');
  await dates(page, '2024-08-01', '2025-01-31');
  await page.selectOption('#place-province', 'jilin');
  assert.equal((await settle(page)).province, 'jilin', 'the core chooses the notice in force in the province');

  // The city list is the catalog's for the first intern's start date.
  await page.locator('#place-city').click();
  const expectedCities = cli({ kind: 'catalog', province: 'jilin', as_of: '2024-08-01' }).places.filter((p) => p.level !== 'county');
  assert.equal(await page.locator('#place-city-list li').count(), expectedCities.length);
  assert.equal(await page.locator('#place-city').getAttribute('aria-expanded'), 'true');
  await page.locator('#place-city').pressSequentially('白山');
  const option = page.locator('#place-city-list li[data-value="220600"]');
  assert.match(await option.textContent(), /第3类.*1,640\.00 元\/月/);
  assert.doesNotMatch(await option.textContent(), /可信度/, 'an official figure needs no word on its confidence');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator('#place-city').getAttribute('aria-activedescendant'), await option.getAttribute('id'));
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#place-city').inputValue(), '白山市');

  // The county list is narrowed to the city; typing filters it.
  await page.locator('#place-county').click();
  const counties = await page.locator('#place-county-list li').evaluateAll((items) => items.map((li) => li.dataset.value));
  assert.ok(counties.length > 3 && counties.every((c) => c.startsWith('2206')), counties.join());
  await page.keyboard.press('Escape');
  await pick(page, '#place-county', '浑江');
  assert.equal(await page.locator('#place-county').inputValue(), '浑江区');

  const request = await settle(page);
  assert.equal(request.place, '220602');
  assert.deepEqual(request, {
    kind: 'subsidy', province: 'jilin', place: '220602',
    trainees: [{ category: 'college_graduate', start: '2024-08-01', end: '2025-01-31', retained: false }],
  });
  const expected = cli(request);
  assert.equal(expected.ok, true);
  assert.equal(Number(await page.locator('#total').getAttribute('data-value')), expected.total);

  const wages = await wageList(page);
  assert.deepEqual(wages.map((w) => [w.amount, w.from, w.to]), [[1640, '2024-08', '2024-09'], [1920, '2024-10', '2025-01']]);
  for (const [i, source] of expected.min_wage_sources.entries()) {
    assert.equal(source.amount, wages[i].amount);
    assert.ok(wages[i].text.includes(source.effective));
    assert.ok(!wages[i].text.includes(source.source), 'the research trail is not in the main text');
    assert.ok((await page.locator('#sources-list').textContent()).includes(source.source), `the source of ${source.amount} is under "sources"`);
  }
  assert.match(await page.locator('#wage-place').textContent(), /吉林省白山市浑江区（220602）/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `no sideways scrolling on a phone (${width})`);
  await shot(page, 'estimate-picker-phone');

  // Kept across a reload, shown as picked.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => document.getElementById('place-county').value === '浑江区');
  assert.equal(await page.locator('#place-city').inputValue(), '白山市');
  assert.equal((await settle(page)).place, '220602');

  // English: the options and the wage list in English.
  await page.click('#lang-switch');
  await page.locator('#place-county').click();
  await page.locator('#place-county').fill('');
  await page.locator('#place-county').pressSequentially('江源');
  assert.match(await page.locator('#place-county-list li').first().textContent(), /tier \d · [\d,.]+ yuan a month/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.locator('#place-county').pressSequentially('浑江');
  await page.keyboard.press('Enter');
  await settle(page);
  assert.match(await page.locator('#wage-months li').first().textContent(), /yuan a month.*tier 3.*from 2021-12-01/);
  await shot(page, 'estimate-picker-phone-en');
  await page.click('#lang-switch');
});

test('a tier the tables cannot carry is asked for in place; 1900 computes', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await page.click('#clear');
  await dates(page, '2022-06-01', '2022-11-30');
  await page.selectOption('#place-province', 'shanxi');
  await pick(page, '#place-city', '太原');
  await page.locator('#place-county').click();
  // 娄烦县: tier 4 of four in the lists found before 2021, tier 3 of three in 2025; the
  // 2021 list was not found, so its tier in 2022 is not known.
  const option = page.locator('#place-county-list li[data-value="140123"]');
  assert.match(await option.textContent(), /娄烦县月标准未核实/);
  await option.click();
  const request = await settle(page);
  assert.equal(request.place, '140123');
  const expected = cli(request);
  const asked = expected.errors.find((f) => f.code === 'min_wage.tier_unknown');
  assert.ok(asked, 'the CLI asks for the tier or the figure');

  // The message sits beside the place, the empty min_wage input shows; the total waits for it.
  assert.equal(await page.locator('[data-path="/place"] li[data-code="min_wage.tier_unknown"]').count(), 1);
  const field = page.locator('#min-wage-field');
  assert.equal(await field.isVisible(), true);
  assert.equal(await page.locator('#min_wage').inputValue(), '');
  assert.equal(await page.locator('#total').getAttribute('data-value'), '');
  assert.equal(await page.locator('#wage-caveats li[data-code="min_wage.tier_unknown"]').count(), 1);
  await shot(page, 'estimate-missing-wage-phone');

  await page.locator('#min_wage').pressSequentially('1900');
  const given = await settle(page);
  assert.equal(given.min_wage, 1900);
  const computed = cli(given);
  assert.equal(computed.ok, true);
  assert.equal(Number(await page.locator('#total').getAttribute('data-value')), computed.total);
  assert.equal(await page.locator('li[data-code="min_wage.tier_unknown"]').count(), 0);
  const wages = await wageList(page);
  assert.deepEqual(wages.map((w) => w.amount), [1900]);
  assert.match(wages[0].text, /按所填月最低工资/);
});

test('figures below high confidence show one caveat line beside the wage used, each caveat folded below', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await page.click('#clear');
  await dates(page, '2024-06-01', '2024-11-30');
  await page.selectOption('#place-province', 'jiangxi');
  await pick(page, '#place-city', '南昌');
  const request = await settle(page);
  const expected = cli(request);
  const caveats = expected.warnings.filter((f) => f.code.startsWith('min_wage.') && f.code.endsWith('caveat'));
  assert.ok(caveats.length > 0);
  assert.equal(await page.locator('#wage-caveats li').count(), 1, 'one plain caveat line');
  assert.match(await page.locator('#wage-caveats li').textContent(), /官方原文/);
  assert.equal(await page.locator('#wage-caveats details').getAttribute('open'), null, 'each caveat folded below it');
  assert.deepEqual(await page.locator('#wage-caveats details p').evaluateAll((items) => items.map((p) => p.dataset.code)),
    caveats.map((f) => f.code));
  assert.equal(await page.locator('#wage-months li').first().getAttribute('data-confidence'), 'medium');
});

test('an ambiguous name offers its candidates as buttons that pick the code', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await page.click('#clear');
  await dates(page, '2023-03-01', '2023-08-31');
  await page.selectOption('#place-province', 'shanxi');
  await page.locator('#place-city').pressSequentially('城区');
  await page.locator('#trainees > li').nth(0).locator('[name="end"]').click();
  const request = await settle(page);
  assert.equal(request.place, '城区');
  const expected = cli(request);
  const finding = expected.errors.find((f) => f.code === 'place.ambiguous');
  assert.ok(finding);
  const buttons = page.locator('[data-path="/place"] li[data-code="place.ambiguous"] button');
  const codes = await buttons.evaluateAll((items) => items.map((b) => b.dataset.code));
  assert.deepEqual(codes, [...finding.message.matchAll(/\d{6}/g)].map((m) => m[0]));
  await buttons.nth(1).click();
  const picked = await settle(page);
  assert.equal(picked.place, codes[1]);
  assert.equal(await page.locator('[data-path="/place"] li[data-code="place.ambiguous"]').count(), 0);
  assert.ok((await page.locator('#place-county').inputValue()).length > 0);
  const answer = cli(picked);
  assert.equal(answer.place.code, codes[1]);
  assert.ok(!answer.errors.some((f) => f.code.startsWith('place.')));
  assert.equal(await page.locator('#total').getAttribute('data-value'), answer.ok ? String(answer.total) : '');
  const shownCodes = await page.locator('li.finding[data-code], li.finding details [data-code]').evaluateAll((items) => [...new Set(items.map((li) => li.dataset.code))].sort());
  assert.deepEqual(shownCodes, [...new Set([...answer.errors, ...answer.warnings].map((f) => f.code))].sort());
});

test('free text still works: the core resolves a name as people write it', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await page.click('#clear');
  await dates(page, '2024-08-01', '2025-01-31');
  await page.selectOption('#place-province', 'jilin');
  await page.locator('#place-city').pressSequentially('延边州');
  await page.locator('#trainees > li').nth(0).locator('[name="end"]').click();
  const request = await settle(page);
  assert.equal(request.place, '延边州');
  const expected = cli(request);
  assert.equal(await page.locator('#total').getAttribute('data-value'), expected.ok ? String(expected.total) : '');
  assert.match(await page.locator('#wage-place').textContent(), new RegExp(expected.place.code));
});

test('no console errors, no CSP violations, no request off 127.0.0.1', () => {
  assert.deepEqual(session.browser.problems, []);
  assert.deepEqual(foreign(session.browser.requests, session.server.origin), []);
});
