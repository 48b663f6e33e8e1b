// The graduate's eligibility page on a phone: the ID number is checked as it is
// typed (length, characters, MOD 11-2 check character, birth date, the core's own
// codes), and the verdict, reasons and clauses equal the native CLI's answer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cli, loadExample, DESKTOP, foreign, open, PHONE, repo, shot, startBrowser, withServerAndBrowser } from './harness.mjs';

const example = JSON.parse(readFileSync(`${repo}/web/examples/eligibility.json`, 'utf8'));
const session = withServerAndBrowser(PHONE, { isMobile: true, hasTouch: true });

const idFindings = (page) => page.locator('[data-path="/id_number"] > ul.beside li').evaluateAll(
  (items) => items.map((li) => li.dataset.code));

async function verdict(page) {
  await page.waitForTimeout(300);
  // The notice's province may still be on its way (a first visit fetches its rules).
  await page.waitForFunction(() => document.getElementById('verdict-text').dataset.eligible, null, { timeout: 5000 }).catch(() => {});
  return page.evaluate(() => ({
    eligible: document.getElementById('verdict-text').dataset.eligible,
    reasons: [...document.querySelectorAll('#reasons li')].map((li) => [li.dataset.effect, li.querySelector('.rule').dataset.rule]),
    // What the page's "Interpretations" disclosure offers: nothing when it is hidden.
    interpretations: document.getElementById('interpretations-box').checkVisibility()
      ? [...document.querySelectorAll('#interpretations li')].map((li) => li.querySelector('.rule')?.dataset.rule) : [],
  }));
}

test('the ID number is checked on every keystroke with the core\'s codes', async () => {
  const page = await open(session.browser.context, session.server.origin, 'eligibility.html');
  await page.click('#clear');
  await page.selectOption('#policy', example.policy);
  await page.fill('#as_of', example.as_of);
  const id = page.locator('#id_number');
  await id.pressSequentially('4301022001');
  // The first answer may wait for the notice's province to arrive (a first visit).
  await page.locator('[data-path="/id_number"] > ul.beside li').first().waitFor({ timeout: 5000 }).catch(() => {});
  assert.deepEqual(await idFindings(page), ['id_number.length']);
  assert.equal(await id.getAttribute('aria-invalid'), 'true');
  await id.pressSequentially('05011234'); // 18 characters, wrong check character
  assert.deepEqual(await idFindings(page), ['id_number.checksum']);
  await shot(page, 'eligibility-id-checksum-phone');
  await id.press('Backspace');
  await id.pressSequentially('8');
  assert.deepEqual(await idFindings(page), []);
  assert.equal(await page.locator('#id-state').getAttribute('data-state'), 'good');
  // Each code the page shows is the one the CLI gives for the same number.
  for (const bad of ['43010220010501123A', '430102200113011238', '4301']) {
    await id.fill('');
    await id.pressSequentially(bad);
    const expected = cli({ ...example, id_number: bad }).errors.filter((f) => f.path === '/id_number').map((f) => f.code);
    assert.deepEqual(await idFindings(page), expected, bad);
  }
  await id.fill('');
  await id.pressSequentially(example.id_number);
});

test('the verdict, its reasons and clauses are the CLI\'s', async () => {
  const page = await open(session.browser.context, session.server.origin, 'eligibility.html');
  await page.selectOption('#education', example.education);
  await page.fill('#graduated_on', example.graduated_on);
  await page.locator('#planned_months').fill('');
  await page.locator('#planned_months').pressSequentially(String(example.planned_months));
  await page.locator('[name="registered_unemployed"]').check();
  const seen = await verdict(page);
  const expected = cli(example);
  assert.equal(seen.eligible, String(expected.eligible));
  assert.deepEqual(seen.reasons, expected.reasons.map((r) => [r.effect ?? 'note', r.rule]));
  assert.deepEqual(seen.interpretations, (expected.interpretations ?? []).map((i) => i.rule));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `fits a phone (${width})`);
  await shot(page, 'eligibility-phone');

  // Someone too old with no graduate route (education "other"): the youth route's 16-24
  // excludes them in the CLI, and so on the page. (A graduate of any age is admitted as a
  // graduate, with no age reason against them.)
  await page.selectOption('#education', 'other');
  await page.locator('#id_number').fill('');
  await page.locator('#id_number').pressSequentially('11010519491231002X');
  const old = await verdict(page);
  const oldExpected = cli({ ...example, education: 'other', id_number: '11010519491231002X' });
  assert.equal(oldExpected.eligible, false);
  assert.equal(old.eligible, String(oldExpected.eligible));
  assert.deepEqual(old.reasons, oldExpected.reasons.map((r) => [r.effect ?? 'note', r.rule]));
  assert.ok(old.reasons.some(([effect]) => effect === 'excludes'));
  await page.selectOption('#education', example.education);
  await page.locator('#id_number').fill(example.id_number);
});

test('desktop screenshot, English switch, nothing off 127.0.0.1', async () => {
  const desktop = await startBrowser(DESKTOP);
  try {
    const page = await open(desktop.context, session.server.origin, 'eligibility.html');
    await loadExample(page);
    await shot(page, 'eligibility-desktop');
    await page.click('#lang-switch');
    assert.equal(await page.locator('h1').textContent(), 'Can I join an internship?');
    assert.match(await page.locator('#reasons li').first().textContent(), /[a-z]{3}/);
    assert.match(await page.locator('#engine-status').textContent(), /Ready/);
    await shot(page, 'eligibility-desktop-en');
    assert.deepEqual(desktop.problems, []);
    assert.deepEqual(foreign(desktop.requests, session.server.origin), []);
  } finally {
    await desktop.close();
  }
  assert.deepEqual(session.browser.problems, []);
  assert.deepEqual(foreign(session.browser.requests, session.server.origin), []);
});
