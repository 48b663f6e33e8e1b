// The portal page: the application form and the summary table are checked as the
// person types, every finding the CLI gives for the same request is shown beside
// its field or cell (or in the general list when no field has its path); a summary
// table comes in from pasted text, a CSV file and an .xlsx file made here with
// exceljs; many reports are checked in a worker behind a progress bar.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { cli, DESKTOP, foreign, open, PHONE, repo, shot, startBrowser, withServerAndBrowser } from './harness.mjs';

const application = JSON.parse(readFileSync(`${repo}/web/examples/unit-application.json`, 'utf8'));
const summary = JSON.parse(readFileSync(`${repo}/web/examples/summary-table.json`, 'utf8'));
const session = withServerAndBrowser(DESKTOP);

/** [path, code] of every finding on the page inside `scope`, sorted. */
const shownFindings = (page, scope) => page.locator(`${scope} li.finding`).evaluateAll(
  (items) => items.map((li) => `${li.dataset.path} ${li.dataset.code}`).sort());
const expectedFindings = (result) => [...result.errors, ...result.warnings].map((f) => `${f.path} ${f.code}`).sort();

/** Every finding sits beside the element with its path or one of its parents, else in the general list. */
async function assertPlaced(page, scope, general, result) {
  for (const f of [...result.errors, ...result.warnings]) {
    const placed = await page.evaluate(([scopeSel, generalSel, path, code]) => {
      const root = document.querySelector(scopeSel);
      const item = [...root.querySelectorAll('li.finding')].find((li) => li.dataset.path === path && li.dataset.code === code);
      if (!item) return 'missing';
      const holder = item.closest('[data-path]');
      if (holder && (path === holder.dataset.path || path.startsWith(`${holder.dataset.path}/`))) return 'beside';
      return item.closest(generalSel) ? 'general' : 'elsewhere';
    }, [scope, general, f.path, f.code]);
    assert.notEqual(placed, 'missing', `${f.path} ${f.code}`);
    assert.notEqual(placed, 'elsewhere', `${f.path} ${f.code}`);
  }
}

async function summaryShown(page) {
  await page.waitForFunction(() => document.getElementById('sum-form').dataset.checked !== undefined);
  await page.waitForTimeout(400);
  return page.evaluate(() => [...document.querySelectorAll('#sheet tbody tr')].map((tr) => {
    const inputs = [...tr.querySelectorAll('input:not(.unit)')];
    return [inputs[0].value, inputs[1].value, ...inputs.slice(2).map((i) => i.value)];
  }));
}

test('the application form is checked as it is typed, findings as the CLI gives them', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.click('#app-example');
  await page.fill('#unit-credit_code', '');
  await page.locator('#unit-credit_code').pressSequentially('91360100MA35K7Q27X');
  await page.fill('#plan-trainees', '');
  await page.locator('#plan-trainees').pressSequentially('-3');
  await page.waitForTimeout(400);
  const request = JSON.parse(await page.locator('#app-request').textContent());
  assert.equal(request.unit.credit_code, '91360100MA35K7Q27X');
  assert.equal(request.plan.trainees, -3);
  for (const key of Object.keys(application.declarations)) assert.equal(request.declarations[key], false, `${key} is never pre-ticked`);
  const expected = cli(request);
  assert.deepEqual(await shownFindings(page, '#application'), expectedFindings(expected));
  await assertPlaced(page, '#application', '#app-general', expected);
  await page.click('#app-example');
});

test('pasted rows fill the sheet and are checked like the CLI checks them', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  const lines = summary.reports.map((r) => [r.period, r.submitted_on, ...Array.from({ length: 14 }, (_, i) => r.values[i + 1])].join('\t'));
  await page.fill('#paste', lines.join('\n'));
  await page.click('#read-paste');
  const rows = await summaryShown(page);
  assert.equal(rows.length, summary.reports.length);
  assert.deepEqual(rows[2].slice(0, 3), [summary.reports[2].period, summary.reports[2].submitted_on, String(summary.reports[2].values['1'])]);
  const expected = cli({ kind: 'summary_table', template: 'mohrss-2022', province: summary.province, reports: summary.reports });
  assert.deepEqual(await shownFindings(page, '#sum-form'), expectedFindings(expected));
  await assertPlaced(page, '#sum-form', '#sum-general', expected);
  await shot(page, 'portal-desktop');
  // Indicator and field names are the catalog's, in the chosen language.
  const catalog = cli({ kind: 'catalog', sections: ['templates', 'forms'] });
  const mohrss = catalog.templates.find((tpl) => tpl.id === 'mohrss-2022');
  assert.deepEqual(await page.locator('#indicator-key li').allTextContents(), mohrss.indicators.map((i) => i.name));
  await page.click('#lang-switch');
  assert.deepEqual(await page.locator('#indicator-key li').allTextContents(), mohrss.indicators.map((i) => i.name_en));
  const field = catalog.forms[0].sections[0].fields[1];
  assert.equal(await page.locator(`label[for="unit-${field.key}"]`).textContent(), field.label_en);
  await shot(page, 'portal-desktop-en');
  await page.click('#lang-switch');
});

test('typing in a cell re-checks the table', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.click('#sum-example');
  const cell = page.locator('#sheet tbody tr').nth(0).locator('input[data-indicator="2"]');
  await cell.fill('');
  await cell.pressSequentially('99');
  await page.waitForTimeout(500);
  const reports = structuredClone(summary.reports);
  reports[0].values['2'] = 99;
  const expected = cli({ kind: 'summary_table', template: 'mohrss-2022', province: summary.province, reports });
  assert.deepEqual(await shownFindings(page, '#sum-form'), expectedFindings(expected));
});

test('a CSV file with a header row imports', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  const header = ['报告期', '报送日期', ...Array.from({ length: 14 }, (_, i) => `指标${i + 1}`)].join(',');
  const body = summary.reports.map((r) => [r.period, r.submitted_on, ...Array.from({ length: 14 }, (_, i) => r.values[i + 1])].join(','));
  await page.setInputFiles('#import-table', { name: 'table.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...body].join('\r\n')) });
  const rows = await summaryShown(page);
  assert.equal(rows.length, summary.reports.length);
  assert.equal(rows[3][15], String(summary.reports[3].values['14']));
});

test('an .xlsx file made with exceljs imports, dates and numbers included', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('汇总表');
  sheet.addRow(['period', 'submitted_on', ...Array.from({ length: 14 }, (_, i) => i + 1)]);
  for (const r of summary.reports) {
    sheet.addRow([r.period, new Date(`${r.submitted_on}T00:00:00Z`), ...Array.from({ length: 14 }, (_, i) => r.values[i + 1])]);
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.setInputFiles('#import-table', { name: 'table.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await page.waitForFunction(() => document.querySelectorAll('#sheet tbody tr').length === 4 && document.getElementById('sum-summary').textContent !== '');
  const rows = await summaryShown(page);
  assert.deepEqual(rows.map((r) => r[1]), summary.reports.map((r) => r.submitted_on));
  assert.equal(rows[0][2], String(summary.reports[0].values['1']));
  const expected = cli({ kind: 'summary_table', template: 'mohrss-2022', province: summary.province, reports: summary.reports });
  assert.deepEqual(await shownFindings(page, '#sum-form'), expectedFindings(expected));
});

test('many reports are checked in one request behind a progress bar, with the CLI\'s findings', async () => {
  const reports = [];
  for (let year = 2015; year < 2025; year += 1) {
    for (let month = 1; month <= 12; month += 1) {
      const base = summary.reports[month % 4];
      const next = month === 12 ? `${year + 1}-01-03` : `${year}-${String(month + 1).padStart(2, '0')}-03`;
      reports.push({ ...base, period: `${year}-${String(month).padStart(2, '0')}`, submitted_on: next });
    }
  }
  const csv = reports.map((r) => [r.period, r.submitted_on, ...Array.from({ length: 14 }, (_, i) => r.values[i + 1])].join(',')).join('\n');
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.setInputFiles('#import-table', { name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction((n) => document.getElementById('sum-form').dataset.checked === String(n)
    && document.getElementById('progress').value === 1, reports.length);
  assert.equal(await page.locator('#progress-box').isVisible(), true);
  const expected = cli({ kind: 'summary_table', template: 'mohrss-2022', province: summary.province, reports });
  // The sheet shows 100 rows a page: the findings of those rows sit beside their cells,
  // and the list of findings names every one.
  const onFirstPage = (f) => !/^\/reports\/\d+/.test(f.path) || Number(f.path.split('/')[2]) < 100;
  const firstPage = { errors: expected.errors.filter(onFirstPage), warnings: expected.warnings.filter(onFirstPage) };
  assert.ok(firstPage.errors.length + firstPage.warnings.length < expected.errors.length + expected.warnings.length);
  assert.deepEqual(await shownFindings(page, '#sum-form'), expectedFindings(firstPage));
  const listed = await page.locator('#finding-list li').evaluateAll((items) => items.map((li) => `${li.dataset.findingPath} ${li.dataset.findingCode}`).sort());
  assert.deepEqual(listed, expectedFindings(expected));
  await page.click('#sum-example');
});

test('phone screenshot; nothing off 127.0.0.1, no errors', async () => {
  const phone = await startBrowser(PHONE, { isMobile: true, hasTouch: true });
  try {
    const page = await open(phone.context, session.server.origin, 'portal.html');
    await page.click('#sum-example');
    await page.waitForTimeout(400);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the sheet scrolls inside its box, not the page (${width})`);
    await shot(page, 'portal-phone');
    assert.deepEqual(phone.problems, []);
    assert.deepEqual(foreign(phone.requests, session.server.origin), []);
  } finally {
    await phone.close();
  }
  assert.deepEqual(session.browser.problems, []);
  assert.deepEqual(foreign(session.browser.requests, session.server.origin), []);
});
