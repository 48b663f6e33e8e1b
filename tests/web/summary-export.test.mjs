// The checked summary table goes out as the annex prints it and comes back in as
// clerks' spreadsheets come: the .xlsx export reopened with exceljs has the title,
// the unit line, the two printed header rows (merged as printed), the row of
// numbers and the table's values; the findings export (CSV, .xlsx) lists what the
// CLI finds; "carry forward" starts a month with its year-to-date figures marked.
// The exported sheet is drawn as HTML (merges kept) and photographed.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { cli, DESKTOP, open, PHONE, repo, screenshots, shot, startBrowser, withServerAndBrowser } from './harness.mjs';

const summary = JSON.parse(readFileSync(`${repo}/web/examples/summary-table.json`, 'utf8'));
const session = withServerAndBrowser(DESKTOP);
const catalog = cli({ kind: 'catalog', sections: ['templates'] });
const mohrss = catalog.templates.find((tpl) => tpl.id === 'mohrss-2022');

async function checked(page) {
  await page.waitForFunction(() => document.getElementById('sum-form').dataset.checked !== undefined);
  await page.waitForTimeout(400);
}

async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = join(screenshots, download.suggestedFilename());
  mkdirSync(screenshots, { recursive: true });
  await download.saveAs(path);
  return path;
}

/** The worksheet as an HTML table, merged cells as spans, for a screenshot. */
function sheetHtml(sheet) {
  const rows = [];
  const covered = new Set();
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const cells = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) {
      if (covered.has(`${r}/${c}`)) continue;
      const cell = sheet.getCell(r, c);
      let rs = 1;
      let cs = 1;
      if (cell.isMerged && cell.master === cell) {
        while (r + rs <= sheet.rowCount && sheet.getCell(r + rs, c).isMerged && sheet.getCell(r + rs, c).master === cell) rs += 1;
        while (c + cs <= sheet.columnCount && sheet.getCell(r, c + cs).isMerged && sheet.getCell(r, c + cs).master === cell) cs += 1;
        for (let i = 0; i < rs; i += 1) for (let j = 0; j < cs; j += 1) if (i || j) covered.add(`${r + i}/${c + j}`);
      }
      const v = cell.value ?? '';
      cells.push(`<td rowspan="${rs}" colspan="${cs}" class="${cell.border ? 'b' : ''}">${String(v).replace(/</g, '&lt;')}</td>`);
    }
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<!doctype html><meta charset="utf-8"><style>body{font-family:"WenQuanYi Micro Hei",sans-serif;margin:12px}
table{border-collapse:collapse;font-size:12px}td{padding:3px 5px;max-width:7em;text-align:center;vertical-align:middle}td.b{border:1px solid #333}
</style><table>${rows.join('')}</table>`;
}

test('the summary table exports as the annex prints it, and reopens with the table\'s values', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.click('#sum-example');
  await checked(page);
  // The example carries one error (November: 8≥9+11 fails, 20 < 30 + 6), and a table with
  // errors is not exported: November's 9 becomes 9 as in the other months (20 ≥ 9 + 6).
  assert.equal(summary.reports[2].values['9'], 30);
  await page.locator('#sheet tbody tr').nth(2).locator('input[data-indicator="9"]').fill('9');
  await checked(page);
  assert.equal(await page.locator('#sum-form').getAttribute('data-errors'), '0');
  const reports = structuredClone(summary.reports);
  reports[2].values['9'] = 9;
  const path = await downloaded(page, '#export-xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  const n = mohrss.indicators.length;
  assert.equal(sheet.getCell(1, 1).value, mohrss.title);
  assert.ok(sheet.getCell(1, n + 1).isMerged, 'the title spans the table');
  assert.equal(sheet.getCell(2, 1).value, mohrss.units);
  const layout = mohrss.layout;
  assert.equal(sheet.getCell(3, 1).value, layout.first_column.zh);
  // The two header rows as printed: each cell over its indicators, merged.
  layout.header_rows.forEach((cells, r) => {
    for (const cell of cells) {
      const top = sheet.getCell(3 + r, cell.from + 1);
      assert.equal(top.value, cell.text.zh);
      const last = sheet.getCell(3 + r + (cell.rows ?? 1) - 1, (cell.to ?? cell.from) + 1);
      if (last !== top) assert.equal(last.master.address, top.address, `${cell.text.zh} spans as printed`);
    }
  });
  // The row of numbers, then one row per report with the table's values.
  const numbers = 3 + layout.header_rows.length;
  assert.deepEqual(Array.from({ length: n }, (_, i) => sheet.getCell(numbers, i + 2).value), Array.from({ length: n }, (_, i) => i + 1));
  reports.forEach((report, i) => {
    const row = numbers + 1 + i;
    assert.equal(sheet.getCell(row, 1).value, report.period);
    for (let k = 1; k <= n; k += 1) assert.equal(sheet.getCell(row, k + 1).value, report.values[k] ?? null, `${report.period} indicator ${k}`);
  });
  assert.equal(sheet.getCell(numbers + 1 + reports.length, 1).value, layout.footer.zh);
  // The sheet, drawn with its merges.
  const view = await session.browser.context.newPage();
  await view.setViewportSize({ width: 1400, height: 500 });
  await view.setContent(sheetHtml(sheet));
  await view.screenshot({ path: join(screenshots, 'summary-export-sheet.png'), fullPage: true });
  await view.close();
  // Imported back, the printed layout (title, two header rows, numbers, footer) gives the same reports.
  await page.click('#clear-reports');
  await checked(page);
  await page.setInputFiles('#import-table', { name: 'export.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(path) });
  await page.waitForFunction((k) => document.querySelectorAll('#sheet tbody tr').length === k, reports.length);
  await checked(page);
  const rows = await page.evaluate(() => [...document.querySelectorAll('#sheet tbody tr')].map((tr) => [...tr.querySelectorAll('input:not(.unit)')].map((i) => i.value)));
  reports.forEach((report, i) => {
    assert.equal(rows[i][0], report.period);
    for (let k = 1; k <= n; k += 1) assert.equal(rows[i][k + 1], String(report.values[k] ?? ''), `${report.period} ${k}`);
  });
});

test('the findings export as CSV and .xlsx, as the CLI gives them', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.click('#sum-example');
  await checked(page);
  const cell = page.locator('#sheet tbody tr').nth(1).locator('input[data-indicator="7"]');
  await cell.fill('999');
  await checked(page);
  const reports = structuredClone(summary.reports);
  reports[1].values['7'] = 999;
  const expected = cli({ kind: 'summary_table', template: 'mohrss-2022', province: summary.province, reports });
  const all = [...expected.errors, ...expected.warnings];
  assert.ok(expected.errors.some((f) => f.code === 'summary.relation'));
  // Every cell of the failed relation (5≥6≥7) is marked.
  const marked = await page.locator('#sheet tbody tr').nth(1).locator('td.in-relation').evaluateAll((tds) => tds.map((td) => td.dataset.path).sort());
  assert.deepEqual(marked, ['/reports/1/values/5', '/reports/1/values/6', '/reports/1/values/7']);
  const csvPath = await downloaded(page, '#export-findings-csv');
  const csv = readFileSync(csvPath, 'utf8').replace(/^\ufeff/, '').trim().split(/\r\n/);
  assert.equal(csv.length, all.length + 1);
  for (const f of all) assert.ok(csv.some((line) => line.includes(f.message) && line.includes(f.code) && line.endsWith(f.path)), f.message);
  const xlsxPath = await downloaded(page, '#export-findings-xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsxPath);
  const sheet = book.worksheets[0];
  assert.equal(sheet.rowCount, all.length + 1);
  const messages = [];
  sheet.eachRow((row, r) => { if (r > 1) messages.push(row.getCell(5).value); });
  assert.deepEqual(messages.sort(), all.map((f) => f.message).sort());
});

test('a new month starts from the last one, year-to-date figures carried and marked', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.click('#sum-example');
  await checked(page);
  assert.equal(summary.reports.at(-1).period, '2022-12');
  const ytd = mohrss.indicators.filter((i) => i.year_to_date).map((i) => i.number);
  assert.deepEqual(ytd, [14]);
  // December → January: a new year, nothing carried.
  await page.click('#carry-forward');
  let row = page.locator('#sheet tbody tr').last();
  assert.equal(await row.locator('input.period').first().inputValue(), '2023-01');
  assert.equal(await row.locator('input[data-indicator="14"]').inputValue(), '');
  assert.match(await page.locator('#carry-note').textContent(), /从零起算/);
  await row.locator('input[data-indicator="14"]').fill('3.5');
  // January → February: the year-to-date figure is carried and marked; the rest is empty.
  await page.click('#carry-forward');
  row = page.locator('#sheet tbody tr').last();
  assert.equal(await row.locator('input.period').first().inputValue(), '2023-02');
  assert.equal(await row.locator('input[data-indicator="14"]').inputValue(), '3.5');
  assert.equal(await row.locator('td[data-path$="/values/14"]').getAttribute('class'), 'carried');
  for (const ind of mohrss.indicators.filter((i) => !i.year_to_date)) {
    assert.equal(await row.locator(`input[data-indicator="${ind.number}"]`).inputValue(), '');
  }
  assert.match(await page.locator('#carry-note').textContent(), /已按上月数结转/);
  await shot(page, 'portal-carry-forward');
  await page.click('#sum-example');
});

test('phone: the sheet shows every column\'s number and name', async () => {
  const phone = await startBrowser(PHONE, { isMobile: true, hasTouch: true });
  try {
    const page = await open(phone.context, session.server.origin, 'portal.html');
    await page.click('#sum-example');
    await checked(page);
    const names = await page.locator('#sheet thead .col-name').allTextContents();
    assert.deepEqual(names, mohrss.indicators.map((i) => i.name));
    await page.locator('.sheet-box').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'portal-sheet-phone.png') });
    await page.click('#lang-switch');
    await page.screenshot({ path: join(screenshots, 'portal-sheet-phone-en.png') });
    await page.click('#lang-switch');
    assert.deepEqual(phone.problems, []);
  } finally {
    await phone.close();
  }
  assert.deepEqual(session.browser.problems, []);
});
