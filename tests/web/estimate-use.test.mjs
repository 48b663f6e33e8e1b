// The estimate page as employers meet it: the summary (total, by item, what is
// missing) stays in view while interns are edited, beside the form on a desktop and
// as a bar at the bottom of a phone; the what-if chart's marked point is the headline
// figure and says which retention it varies; the chart across notices compares at the
// same minimum wage and says so; chart text is readable on a phone; a bad import keeps
// the form and its saved copy, and a good one can be undone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { join } from 'node:path';
import { cli, DESKTOP, loadExample, open, PHONE, repo, screenshots, shot, startBrowser, withServerAndBrowser } from './harness.mjs';

const example = JSON.parse(readFileSync(`${repo}/web/examples/estimate.json`, 'utf8'));
const session = withServerAndBrowser(DESKTOP);

const inView = (page, selector) => page.evaluate((sel) => {
  const r = document.querySelector(sel).getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
}, selector);

test('desktop: the summary stays beside the form while the last intern is edited, with what is missing', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await loadExample(page);
  const last = page.locator('#trainees > li').nth(1);
  await last.locator('[name="insurance_premium"]').scrollIntoViewIfNeeded();
  await last.locator('[name="insurance_premium"]').fill('90');
  await page.waitForTimeout(400);
  const request = JSON.parse(await page.locator('#request-json').textContent());
  const expected = cli(request);
  assert.ok(await inView(page, '#summary-bar'), 'the summary is on screen');
  assert.ok(!await inView(page, '#total'), 'while the result itself is not');
  assert.equal(Number(await page.locator('#bar-total').getAttribute('data-value')), expected.total);
  const items = await page.locator('#bar-items li').evaluateAll((lis) => lis.map((li) => li.dataset.item));
  assert.deepEqual(items, Object.keys(expected.by_item));
  assert.equal(await page.locator('#bar-missing').getAttribute('data-count'), '0');
  // A mistake: the summary names it and its link goes to the field.
  await last.locator('[name="end"]').fill('2023-08-01');
  await page.waitForTimeout(400);
  assert.notEqual(await page.locator('#bar-missing').getAttribute('data-count'), '0');
  assert.equal(await page.locator('#bar-total').getAttribute('data-value'), '');
  await shot(page, 'estimate-summary-desktop');
  await page.locator('#bar-missing a').first().click();
  assert.match(await page.evaluate(() => document.activeElement.name ?? ''), /end|start/);
  await loadExample(page);
});

test('phone: a bar at the bottom with the total while an intern is edited', async () => {
  const phone = await startBrowser(PHONE, { isMobile: true, hasTouch: true });
  try {
    const page = await open(phone.context, session.server.origin, 'estimate.html');
    await loadExample(page);
    const field = page.locator('#trainees > li').nth(1).locator('[name="insurance_premium"]');
    await field.scrollIntoViewIfNeeded();
    await field.fill('70');
    await page.waitForTimeout(400);
    const bar = await page.locator('#summary-bar').boundingBox();
    assert.ok(Math.abs(bar.y + bar.height - PHONE.height) < 2, `at the bottom (${JSON.stringify(bar)})`);
    assert.ok(bar.height < 120, `a bar, not a panel (${bar.height})`);
    const request = JSON.parse(await page.locator('#request-json').textContent());
    assert.equal(Number(await page.locator('#bar-total').getAttribute('data-value')), cli(request).total);
    // The field being edited is not hidden under the bar.
    const f = await field.boundingBox();
    assert.ok(f.y + f.height <= bar.y, 'the field stays above the bar');
    await page.screenshot({ path: join(screenshots, 'estimate-summary-phone.png') });
    // Chart text is readable on a phone: 12 px or more, and nothing runs off the side.
    await page.locator('#chart-provinces').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    const sizes = await page.locator('#charts .bar-chart span').evaluateAll((spans) => spans
      .filter((s) => s.textContent.trim() && s.getClientRects().length)
      .map((s) => [parseFloat(getComputedStyle(s).fontSize), s.getBoundingClientRect().right]));
    assert.ok(sizes.length > 10);
    for (const [size, right] of sizes) {
      assert.ok(size >= 12, `chart text ${size}px`);
      assert.ok(right <= PHONE.width, `chart text inside the screen (${right})`);
    }
    await shot(page, 'estimate-charts-phone');
    assert.deepEqual(phone.problems, []);
  } finally {
    await phone.close();
  }
});

test('the what-if chart marks the headline figure and says which retention it varies', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await loadExample(page);
  await page.waitForTimeout(700);
  const expected = cli(example);
  const current = await page.locator('#chart-retention li.bar.current').evaluateAll((lis) => lis.map((li) => li.dataset.value));
  assert.deepEqual(current, [String(expected.total)], 'the one marked point is the headline total');
  assert.equal(await page.locator('#chart-retention li.bar').first().getAttribute('data-headline'), 'true');
  const note = await page.locator('#chart-retention-note').textContent();
  assert.match(note, new RegExp(`${expected.retention.kept_on}/${expected.retention.completed}`));
  assert.match(note, /retention_rate|整体留用率/);
  // The rest are the same request at a flat retention rate, as the CLI gives them.
  const rates = Array.from({ length: 11 }, (_, i) => i / 10);
  const sweep = cli(rates.map((retention_rate) => ({ ...example, retention_rate })));
  const rest = await page.locator('#chart-retention li.bar:not([data-headline])').evaluateAll((lis) => lis.map((li) => li.dataset.value ?? 'error'));
  assert.deepEqual(rest, sweep.map((r) => (r.ok ? String(r.total) : 'error')));
});

test('the chart across notices compares at the same minimum wage and says so', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await loadExample(page);
  await page.waitForTimeout(700);
  const expected = cli(example);
  const wage = expected.lines.find((l) => l.item === 'position').base;
  const policies = cli({ kind: 'policies' }).policies;
  const base = { ...example };
  delete base.place;
  const across = cli(policies.map((p) => ({ ...base, min_wage: wage, policy: p.id })));
  const bars = await page.locator('#chart-provinces li.bar').evaluateAll((lis) => lis.map((li) => li.dataset.value ?? 'error'));
  // A notice wholly out of force on the interns' dates is marked, not drawn.
  const outside = (p) => example.trainees.every((tr) => (p.effective_to && tr.start > p.effective_to) || tr.end < p.effective_from);
  assert.deepEqual(bars, across.map((r, i) => (r.ok && !outside(policies[i]) ? String(r.total) : 'error')));
  assert.ok(bars.filter((b) => b !== 'error').length >= 2, `the chart compares notices that compute (${bars})`);
  assert.equal(await page.locator('#chart-provinces li.bar.current').getAttribute('data-value'), String(expected.total));
  assert.match(await page.locator('#chart-provinces-note').textContent(), new RegExp(wage.toLocaleString('zh-CN')));
});

test('a bad import keeps the form and its saved copy; a good one can be undone', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await loadExample(page);
  await page.waitForTimeout(300);
  const before = await page.locator('#request-json').textContent();
  const saved = await page.evaluate(() => localStorage.getItem('jianxi.inputs.estimate'));
  for (const [name, text] of [['broken.json', '{"policy": "jiangxi-2023", "trainees": ['], ['list.json', '[1,2]'],
    ['other.json', JSON.stringify({ kind: 'eligibility', policy: 'hunan-2023' })], ['wrong.json', JSON.stringify({ policy: 'jiangxi-2023', trainees: 'two' })]]) {
    await page.setInputFiles('#import', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction(() => document.getElementById('import-status').dataset.state === 'error');
    assert.match(await page.locator('#import-status').textContent(), new RegExp(name.replace('.', '\\.')));
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#request-json').textContent(), before, name);
    assert.equal(await page.evaluate(() => localStorage.getItem('jianxi.inputs.estimate')), saved, name);
    assert.equal(await page.locator('#trainees > li').count(), 2);
  }
  await shot(page, 'estimate-import-refused');
  const other = { kind: 'subsidy', policy: 'hunan-2023', base_rate: 0.6, place: '长沙市', trainees: [{ category: 'college_graduate', start: '2024-03-01', end: '2024-08-31' }] };
  await page.setInputFiles('#import', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await page.waitForFunction(() => document.getElementById('import-status').dataset.state === 'done');
  await page.waitForTimeout(400);
  assert.equal(await page.locator('#trainees > li').count(), 1);
  await page.click('#undo-import');
  await page.waitForTimeout(400);
  assert.equal(await page.locator('#request-json').textContent(), before);
  assert.equal(await page.evaluate(() => localStorage.getItem('jianxi.inputs.estimate')), saved);
});
