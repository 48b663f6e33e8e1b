// The clerk's summary-table workflow, as issue 23 item 13 saw it on a desktop in
// Chinese: a GBK CSV with CRLF line ends laid out as the annex prints it (title, unit
// line, two header rows, the row of numbers, one row per unit, a 合计 row, a note);
// findings name the unit and the row of the clerk's own file; the 合计 row is kept and
// sent to the core, not dropped; the .xlsx export is refused while errors remain;
// cells take "2022年9" as the importer does; an import started while a check is
// pending is not thrown away; a worker that fails says so.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gbk } from './gbk.mjs';
import { cli, DESKTOP, open, repo, shot, withServerAndBrowser } from './harness.mjs';

const summary = JSON.parse(readFileSync(`${repo}/web/examples/summary-table.json`, 'utf8'));
const session = withServerAndBrowser(DESKTOP, { serviceWorkers: 'block' });
const catalog = cli({ kind: 'catalog', sections: ['templates'] });
const mohrss = catalog.templates.find((tpl) => tpl.id === 'mohrss-2022');
const n = mohrss.indicators.length;

// Three cities for 2022-09, each with the example's September values; 吉林市 reports
// 999 in indicator 7, which breaks the printed relation 5≥6≥7 (60 ≥ 52 ≥ 999 fails).
// The 合计 row adds the three cities' cells: 3 × 49 = 147 for indicator 1, and so on.
const september = summary.reports[0];
const cities = ['长春市', '吉林市', '四平市'];
const valuesOf = (city) => ({ ...september.values, ...(city === '吉林市' ? { 7: 999 } : {}) });
const total = Object.fromEntries(mohrss.indicators.map(({ number }) => [number,
  cities.reduce((sum, city) => sum + valuesOf(city)[number], 0)]));

/** The annex as printed: header cells at their first column, merged cells left blank. */
function printedCsv() {
  const headerRow = (cells, first) => {
    const row = new Array(n + 1).fill('');
    row[0] = first;
    for (const cell of cells) row[cell.from] = cell.text.zh;
    return row;
  };
  const lines = [
    [mohrss.title, ...new Array(n).fill('')],                                 // file row 1
    ['填报单位：（盖章）吉林省就业服务中心', ...new Array(n - 1).fill(''), mohrss.units],  // 2
    ...mohrss.layout.header_rows.map((cells, r) => headerRow(cells, r ? '' : '项目')),  // 3, 4
    ['', ...mohrss.indicators.map((ind) => String(ind.number))],              // 5
    ...cities.map((city) => [`${city} 2022年9月`, ...mohrss.indicators.map((ind) => String(valuesOf(city)[ind.number]))]),  // 6-8
    ['合计', ...mohrss.indicators.map((ind) => String(total[ind.number]))],  // 9
    ['填报人：张三', ...new Array(n).fill('')],                                // 10
  ];
  const quote = (c) => (/[,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return gbk(`${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`);
}

async function settled(page, count) {
  await page.waitForFunction((k) => document.getElementById('sum-form').dataset.checked === String(k)
    && document.getElementById('progress-box').dataset.stage !== 'checking', count);
}

async function importPrinted(page) {
  await page.setInputFiles('#import-table', { name: '汇总表.csv', mimeType: 'text/csv', buffer: printedCsv() });
  await page.waitForFunction(() => document.getElementById('import-info').textContent.includes('GB18030'));
  await settled(page, cities.length + 1);
}

test('a CRLF GBK CSV: header rows as in the file, findings by unit and file row, the 合计 row kept', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await importPrinted(page);
  const info = await page.locator('#import-info').textContent();
  assert.match(info, /表头在第 3、4、5 行/);
  // The 合计 row is a row of the sheet, sent with the others.
  const units = await page.locator('#sheet tbody input.unit').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(units, [...cities, '合计']);
  assert.equal(await page.locator('#sheet tbody tr').last().getAttribute('class'), 'total-row');
  assert.match(info, /合计行（文件第 9 行）/);
  // The finding on 吉林市 names the city and its row in the file (row 7), not "第2行".
  const listed = await page.locator('#finding-list li.error').allTextContents();
  assert.ok(listed.length > 0, 'the broken relation is listed');
  // (The 合计 row breaks 5≥6≥7 too: 180 ≥ 156 ≥ 1,059 fails.)
  for (const line of listed) assert.match(line, /吉林市.*文件第 7 行|合计.*文件第 9 行/, line);
  assert.ok(listed.some((line) => /吉林市.*文件第 7 行/.test(line)), listed.join('\n'));
  await shot(page, 'summary-workflow-import');
});

test('the .xlsx export is refused, with the reason, while the table has errors', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await importPrinted(page);
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.click('#export-xlsx');
  await page.waitForFunction(() => document.getElementById('export-status').textContent !== '');
  assert.match(await page.locator('#export-status').textContent(), /还有 \d+ 个错误/);
  await page.waitForTimeout(500);
  assert.equal(downloads, 0);
  // Corrected (吉林市 reports 30 in indicator 7 as the others do), the export goes out.
  await page.locator('#sheet tbody tr').nth(1).locator('input[data-indicator="7"]').fill('30');
  await page.locator('#sheet tbody tr').last().locator('input[data-indicator="7"]').fill('90');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  assert.equal(await page.locator('#export-status').textContent(), '');
});

test('a cell takes "2022年9" as the importer does', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.click('#sum-example');
  await settled(page, summary.reports.length);
  await page.locator('#sheet tbody tr').first().locator('input.period').first().fill('2022年9');
  await page.click('#check-all');
  await settled(page, summary.reports.length);
  const paths = await page.locator('#finding-list li').evaluateAll((items) => items.map((li) => li.dataset.findingPath));
  assert.ok(!paths.some((p) => p.startsWith('/reports/0/period')), paths.join(' '));
  const expected = cli({ kind: 'summary_table', template: 'mohrss-2022', province: summary.province, reports: summary.reports });
  assert.equal(await page.locator('#sum-form').getAttribute('data-errors'), String(expected.errors.length));
});

test('an import started while a check is pending is not thrown away', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.click('#sum-example');
  await settled(page, summary.reports.length);
  // Typing schedules a check; the file is chosen before it runs.
  await page.locator('#sheet tbody tr').first().locator('input[data-indicator="1"]').fill('50');
  await page.setInputFiles('#import-table', { name: '汇总表.csv', mimeType: 'text/csv', buffer: printedCsv() });
  await page.waitForTimeout(1500);
  await settled(page, cities.length + 1);
  assert.equal(await page.locator('#sheet tbody tr').count(), cities.length + 1);
});

test('a worker that fails to start says so, and the page keeps working', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.route('**/js/engine-worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'this is not javascript(' }));
  await page.setInputFiles('#import-table', { name: '汇总表.csv', mimeType: 'text/csv', buffer: printedCsv() });
  await page.waitForFunction(() => /无法读取文件/.test(document.getElementById('sum-summary').textContent), null, { timeout: 10000 });
  await page.unroute('**/js/engine-worker.js');
  session.browser.problems.length = 0;  // the broken worker's own syntax error, made by this test
  await importPrinted(page);
});

test('pasted rows: a finding names the row of the pasted text', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  // Line 1 the header, lines 2-4 the cities: 吉林市 on line 3.
  const header = ['单位', '报告期', ...mohrss.indicators.map((ind) => `指标${ind.number}`)];
  const rows = cities.map((city) => [city, '2022-09', ...mohrss.indicators.map((ind) => valuesOf(city)[ind.number])]);
  await page.fill('#paste', [header, ...rows].map((r) => r.join('\t')).join('\n'));
  await page.click('#read-paste');
  await settled(page, cities.length);
  const listed = await page.locator('#finding-list li.error').allTextContents();
  assert.ok(listed.some((line) => /吉林市.*粘贴内容第 3 行/.test(line)), listed.join('\n'));
});
