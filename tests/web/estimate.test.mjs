// The employer estimate page in Chromium: filled in as a person would, its total,
// items and lines equal the native CLI's answer to the same request; findings sit
// beside their fields; the what-if charts agree with the CLI and mark notices that
// cannot compute; export and import round-trip; the phone layout fits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cli, loadExample, DESKTOP, foreign, open, PHONE, repo, shot, startBrowser, withServerAndBrowser } from './harness.mjs';

const example = JSON.parse(readFileSync(`${repo}/web/examples/estimate.json`, 'utf8'));
const session = withServerAndBrowser(DESKTOP);

async function fillTrainee(page, i, tr) {
  const card = page.locator('#trainees > li').nth(i);
  await card.locator('[name="category"]').selectOption(tr.category);
  await card.locator('[name="start"]').fill(tr.start);
  await card.locator('[name="end"]').fill(tr.end);
  if (tr.left_on) await card.locator('[name="left_on"]').fill(tr.left_on);
  if (tr.absent_days) await card.locator('[name="absent_days"]').pressSequentially(tr.absent_days.join(', '));
  if (tr.retained) await card.locator('[name="retained"]').check();
  if (tr.contract) {
    await card.locator('[name="contract.signed_on"]').fill(tr.contract.signed_on);
    await card.locator('[name="contract.years"]').pressSequentially(String(tr.contract.years));
    if (tr.contract.social_insurance) await card.locator('[name="contract.social_insurance"]').check();
  }
  if (tr.insurance_premium !== undefined) {
    await card.locator('[name="insurance_premium"]').pressSequentially(String(tr.insurance_premium));
  }
}

async function shown(page) {
  await page.waitForTimeout(400); // the page re-evaluates 120 ms after the last keystroke
  return page.evaluate(() => ({
    total: document.getElementById('total').dataset.value,
    items: Object.fromEntries([...document.querySelectorAll('#by-item tr')].map((r) => [r.dataset.item, Number(r.cells[1].dataset.value)])),
    lines: [...document.querySelectorAll('#lines tbody tr')].map((r) => [r.cells[1].textContent, Number(r.cells[5].dataset.value), r.cells[6].querySelector('button.rule').dataset.rule]),
    interpretations: document.getElementById('interpretations-title').checkVisibility()
      ? document.querySelectorAll('#interpretations li').length : 0,
    request: JSON.parse(document.getElementById('request-json').textContent),
  }));
}

test('typing the example gives the CLI\'s total, items and every line with its clause', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await page.click('#clear');
  await page.locator('#notice-expert summary').click();
  await page.check('input[name="mode"][value="policy"]');
  await page.selectOption('#policy', example.policy);
  await page.locator('#place-city').pressSequentially(example.place);
  await fillTrainee(page, 0, example.trainees[0]);
  await page.click('#add-trainee');
  await fillTrainee(page, 1, example.trainees[1]);
  const seen = await shown(page);
  assert.deepEqual(seen.request, example, 'the form reads back as the example request');
  const expected = cli(example);
  assert.equal(expected.ok, true);
  assert.equal(Number(seen.total), expected.total);
  assert.deepEqual(seen.items, expected.by_item);
  assert.deepEqual(seen.lines, expected.lines.map((l) => [l.month, l.amount, l.rule]));
  assert.equal(seen.interpretations, expected.interpretations.length);
  await shot(page, 'estimate-desktop');
  await page.click('#lang-switch');
  assert.equal(await page.locator('#by-item tr[data-item="position"] th').textContent(),
    cli({ kind: 'catalog', sections: ['vocabulary'] }).items.find((i) => i.id === 'position').name_en, 'item names come from the catalog');
  await shot(page, 'estimate-desktop-en');
  await page.click('#lang-switch');
});

test('a finding appears beside the field its path names', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await loadExample(page);
  await page.fill('#place-city', '');
  await page.locator('#place-city').pressSequentially('火星市');
  await page.locator('#trainees > li').nth(0).locator('[name="end"]').fill('2023-08-01');
  const seen = await shown(page);
  const expected = cli(seen.request);
  assert.equal(expected.ok, false);
  for (const f of expected.errors) {
    const beside = page.locator(`[data-path="${f.path}"] > ul.beside li[data-code="${f.code}"]`);
    const general = page.locator(`#general-findings li[data-code="${f.code}"]`);
    assert.equal(await beside.count() + await general.count() >= 1, true, `${f.path} ${f.code}`);
  }
  assert.equal(await page.locator('[data-path="/place"] > ul.beside li.error[data-code="place.unknown"]').count(), 1);
  assert.equal(await page.locator('#place-city').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#total').getAttribute('data-value'), '');
  await shot(page, 'estimate-findings');
  await loadExample(page);
});

test('the charts agree with the CLI and mark notices that cannot compute', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await loadExample(page);
  await page.waitForTimeout(600);
  const bars = await page.evaluate(() => ({
    headline: document.querySelector('#chart-retention li.bar[data-headline="true"]')?.dataset.value,
    retention: [...document.querySelectorAll('#chart-retention li.bar:not([data-headline])')].map((g) => g.dataset.value ?? 'error'),
    provinces: [...document.querySelectorAll('#chart-provinces li.bar')].map((g) => g.dataset.value ?? 'error'),
  }));
  assert.equal(bars.headline, String(cli(example).total));
  const rates = Array.from({ length: 11 }, (_, i) => i / 10);
  const sweep = cli(rates.map((retention_rate) => ({ ...example, retention_rate })));
  assert.deepEqual(bars.retention, sweep.map((r) => (r.ok ? String(r.total) : 'error')));
  const policies = cli({ kind: 'policies' }).policies;
  const base = { ...example, min_wage: cli(example).lines.find((l) => l.item === 'position').base };
  delete base.place;
  const across = cli(policies.map((p) => ({ ...base, policy: p.id })));
  // A notice wholly out of force on the interns' dates is marked, not drawn.
  const outside = (p) => example.trainees.every((tr) => (p.effective_to && tr.start > p.effective_to) || tr.end < p.effective_from);
  assert.deepEqual(bars.provinces, across.map((r, i) => (r.ok && !outside(policies[i]) ? String(r.total) : 'error')));
  // At the same minimum wage, a notice in force that the core computes is drawn (one known
  // only in part may refuse, as the CLI does).
  assert.ok(bars.provinces.every((b, i) => outside(policies[i]) || !across[i].ok || b !== 'error'), 'every notice the core computes is drawn');
  assert.ok(bars.provinces.some((b) => b !== 'error'), 'at least one notice computes');
});

test('inputs export to JSON and import back', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await loadExample(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(exported, example);
  const changed = { ...example, min_wage: 2000 };
  delete changed.place;
  await page.setInputFiles('#import', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed)) });
  const seen = await shown(page);
  assert.deepEqual(seen.request, changed);
  assert.equal(Number(seen.total), cli(changed).total);
  await loadExample(page);
});

test('English switch, print stylesheet and the phone layout', async () => {
  const phone = await startBrowser(PHONE, { isMobile: true, hasTouch: true });
  try {
    const page = await open(phone.context, session.server.origin, 'estimate.html');
    await loadExample(page);
    await page.waitForTimeout(500);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `no sideways scrolling on a phone (${width})`);
    await shot(page, 'estimate-phone');
    await page.click('#lang-switch');
    assert.equal(await page.locator('h1').textContent(), 'Employer subsidy estimate');
    assert.match(await page.locator('#lines tbody tr').first().locator('td').last().textContent(), /[a-z]/);
    await shot(page, 'estimate-phone-en');
    await page.click('#lang-switch');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header').isVisible(), false);
    // On paper the lines grouped by intern stand for the month-by-month table.
    assert.equal(await page.locator('#line-groups').isVisible(), true);
    assert.equal(await page.locator('#lines').isVisible(), false);
    await shot(page, 'estimate-print');
    assert.deepEqual(phone.problems, []);
    assert.deepEqual(foreign(phone.requests, session.server.origin), []);
  } finally {
    await phone.close();
  }
});

test('no console errors, no CSP violations, no request off 127.0.0.1', () => {
  assert.deepEqual(session.browser.problems, []);
  assert.deepEqual(foreign(session.browser.requests, session.server.origin), []);
});
