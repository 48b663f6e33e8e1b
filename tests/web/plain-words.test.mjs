// What people read uses their words: no field names, notice ids or research notes in
// the main text (the research trail sits in a collapsed "sources and confidence"
// section), no "null" in a list of notices, no engine version, no quoted empty date.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESKTOP, open, PHONE, shot, startBrowser, withServerAndBrowser } from './harness.mjs';

const session = withServerAndBrowser(DESKTOP);
const FIELD_NAMES = /\b(base_rate|min_wage|as_of|insurance_premium|model_unit|retention_rate|wage_tier|graduated_on)\b/;
const SLUG = /\b(hunan|jiangxi|jilin|shanxi|ningxia)-20\d\d\b/;
const RESEARCH = /\bmedium\b|\bhigh\b|https?:|Hourly|secondary source|none found|可信度为/;

/** The text a person sees: what is rendered, closed <details> left out. */
const seen = (page, selector = 'main') => page.locator(selector).evaluate((el) => el.innerText);

async function estimate(page, { province, city, start, end }) {
  await page.click('#clear');
  await page.selectOption('#place-province', province);
  await page.locator('#place-city').pressSequentially(city);
  await page.locator('#place-city').press('Tab');
  await page.locator('#trainees [name="start"]').first().fill(start);
  await page.locator('#trainees [name="end"]').first().fill(end);
  await page.waitForTimeout(900);
}

test('research notes stay in the collapsed sources section; caveats are one plain line', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await estimate(page, { province: 'jilin', city: '长春市', start: '2026-03-01', end: '2026-08-31' });
  const text = await seen(page);
  assert.doesNotMatch(text, RESEARCH);
  assert.match(text, /未找到官方原文|未见官方原文/);
  const lines = await page.locator('#wage-caveats li, #estimate-form li.finding').evaluateAll((items) =>
    items.map((li) => [...li.childNodes].filter((n) => n.nodeName !== 'DETAILS').map((n) => n.textContent).join('')));
  for (const line of lines) {
    assert.ok(line.length < 120, `one plain line: ${line}`);
  }
  assert.equal(await page.locator('#sources').getAttribute('open'), null);
  await page.locator('#sources summary').click();
  assert.match(await seen(page, '#sources'), /https?:/);
  await shot(page, 'estimate-sources');
});

test('a graduate\'s phone verdict carries no paragraph about when a notice took effect', async () => {
  const phone = await startBrowser(PHONE, { isMobile: true, hasTouch: true });
  try {
    const page = await open(phone.context, session.server.origin, 'eligibility.html');
    await page.selectOption('#province', 'shanxi');
    await page.locator('#as_of').fill('2026-12-04');
    await page.locator('#birth_date').fill('2003-05-01');
    await page.selectOption('#education', 'college');
    await page.locator('#graduated_on').fill('2026-06-30');
    await page.waitForTimeout(500);
    const notes = await page.locator('#notice-findings li').evaluateAll((items) =>
      items.map((li) => [...li.childNodes].filter((n) => n.nodeName !== 'DETAILS').map((n) => n.textContent).join('')));
    assert.equal(notes.length, 1, 'the notice caveats are one line');
    assert.ok(await page.locator('#notice-findings details p[data-code]').count() > 1, 'each caveat folded below it');
    for (const n of notes) assert.ok(n.length < 120, `one plain line: ${n}`);
    const text = await seen(page);
    assert.doesNotMatch(text, RESEARCH);
    assert.doesNotMatch(text, SLUG);
  } finally {
    await phone.close();
  }
});

test('field labels and document numbers, never field names, ids, "null" or an engine version', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  assert.doesNotMatch(await seen(page), /规则引擎 \d|Rule engine \d/);
  await estimate(page, { province: 'hunan', city: '长沙市', start: '2024-03-01', end: '2024-08-31' });
  const text = await seen(page);
  assert.match(text, /基础补贴比例/, 'the missing base rate is asked for by its label');
  assert.doesNotMatch(text, FIELD_NAMES);
  assert.doesNotMatch(text, SLUG);
  assert.doesNotMatch(text, /“”不是有效日期/);
  for (const lang of ['zh', 'en']) {
    const options = await page.locator('#policy option').allTextContents();
    for (const o of options) assert.doesNotMatch(o, /null|undefined/, `${lang}: ${o}`);
    await page.click('#lang-switch');
  }
  const portal = await open(session.browser.context, session.server.origin, 'portal.html');
  for (const o of await portal.locator('#app-policy option').allTextContents()) assert.doesNotMatch(o, SLUG, o);
  const elig = await open(session.browser.context, session.server.origin, 'eligibility.html');
  await elig.selectOption('#province', 'jilin');
  for (const o of await elig.locator('#policy option').allTextContents()) assert.doesNotMatch(o, /null|undefined|jilin-20/, o);
});

test('an English page names its data in English: the divisions dataset under "Data as of"', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await page.click('#lang-switch');
  const line = await page.locator('#data-as-of li', { hasText: 'divisions:' }).textContent();
  assert.match(line, /National Bureau of Statistics/);
  assert.doesNotMatch(line, /\p{Script=Han}/u, line);
});

test('a clause is named as printed: an annex as 附件 or "annex 1", never its id (annex1, report)', async () => {
  // The page opens in whichever language an earlier test left; both are checked in turn.
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.click('#app-example');
  await page.fill('#unit-legal_rep_phone', '400-810-8888');
  await page.waitForTimeout(600);
  for (let round = 0; round < 2; round++) {
    const names = await page.locator('#application button.rule').allTextContents();
    assert.ok(names.some((n) => /赣人社发〔2023〕9号 附件1$|annex 1$/.test(n)), names.join(' | '));
    for (const n of names) assert.doesNotMatch(n, /第annex|第report|§ annex|§ report|\.p\b/, n);
    await page.click('#lang-switch');
    await page.waitForTimeout(400);
  }
});
