// The portal's typed entry: a summary table given as columns gets exactly the answer
// evaluate() gives to the same table written as JSON, findings included.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const build = join(root, process.env.JIANXI_BUILD_ROOT || 'build');
const { loadJianxi } = await import(join(build, 'wasm/jianxi.js'));
const jianxi = await loadJianxi({ wasmBinary: readFileSync(join(build, 'wasm/jianxi_module.wasm')) });

// 240 reports of 20 units over a year, with mistakes: 1≥2 broken, a fifth decimal in
// 万元, a missing cell, a year-to-date figure (14) that falls, a repeated period.
function table() {
  const periods = [], units = [], rows = [];
  for (let u = 0; u < 20; u++)
    for (let m = 1; m <= 12; m++) {
      const row = [12, 3, 40, 5, 30, 20, 15, 10, 6, 4, 4, 1, 18, 5.2 + m];
      if (u === 1 && m === 3) row[1] = 13;
      if (u === 2 && m === 4) row[13] = 5.20001;
      if (u === 3 && m === 5) row[6] = NaN;
      if (u === 4 && m === 6) row[13] = 1;  // indicator 14 is year-to-date
      periods.push(u === 5 && m === 7 ? '2023-06' : `2023-${String(m).padStart(2, '0')}`);
      units.push(`U${u}`);
      rows.push(row);
    }
  return { periods, units, rows };
}

test('columns and JSON text get the same answer, byte for byte', () => {
  const { periods, units, rows } = table();
  const request = { kind: 'summary_table', template: 'mohrss-2022' };
  const reports = rows.map((row, r) => ({
    period: periods[r], unit: units[r],
    values: Object.fromEntries(row.flatMap((v, i) => (Number.isNaN(v) ? [] : [[String(i + 1), v]]))),
  }));
  const asText = jianxi.evaluateText(JSON.stringify({ ...request, reports }));
  const asColumns = jianxi.evaluateTable(request, { periods, units, values: Float64Array.from(rows.flat()), indicators: 14 });
  assert.deepEqual(asColumns, JSON.parse(asText));
  assert.deepEqual([...new Set(asColumns.errors.map((e) => e.code))].sort(), [
    // U5's seventh report repeats 2023-06, so 2023-07 is also missing before 2023-08.
    'summary.money_decimals', 'summary.period_duplicate', 'summary.period_gap', 'summary.relation',
    'summary.value_missing', 'summary.year_to_date_decreased']);
});

test('columns that do not fit together are refused, not thrown', () => {
  const r = jianxi.evaluateTable({ template: 'mohrss-2022' }, { periods: ['2023-01'], values: [1, 2, 3], indicators: 14 });
  assert.equal(r.ok, false);
  assert.equal(r.errors[0].code, 'request.type');
});

// The portal's worker: an imported sheet goes in as columns when it fits them, and the
// answer is the one the same reports get as JSON (an empty submission date is no date).
test('an imported sheet checked through columns answers as its JSON', async () => {
  const { rowsToReports } = await import(join(root, 'web/js/table-import.js'));
  const { reportsToColumns, withoutEmptyDates } = await import(join(root, 'web/js/table-columns.js'));
  const head = ['单位', '报告期', '报送日期', ...Array.from({ length: 14 }, (_, i) => String(i + 1))];
  const line = (unit, period, on, values) => [unit, period, on, ...values];
  const good = [12, 3, 40, 5, 30, 20, 15, 10, 6, 4, 4, 1, 18, 5.2];
  const rows = [head,
    line('南昌市示例科技有限公司', '2023-01', '2023-02-03', good),
    line('南昌市示例科技有限公司', '2023年2月', '', good.map((v, i) => (i === 5 ? 31 : v))),  // 5 ≥ 6 broken
    line('南昌市示例科技有限公司', '2023/3', '2023-04-30', good.map((v, i) => (i === 13 ? 5.123456 : v))),
    line('赣州市某公司', '2023-13', '', good.map((v, i) => (i === 2 ? '' : v))),
  ];
  const { reports } = rowsToReports(rows, 14);
  const request = { kind: 'summary_table', template: 'mohrss-2022', province: 'jiangxi' };
  const columns = reportsToColumns(reports, 14);
  assert.ok(columns, 'a sheet of numbers fits in columns');
  const asColumns = jianxi.evaluateTableText(request, columns);
  const asJson = jianxi.evaluateText(JSON.stringify({ ...request, reports: reports.map(withoutEmptyDates) }));
  assert.equal(asColumns, asJson);
  const codes = JSON.parse(asColumns).errors.map((e) => e.code);
  assert.ok(codes.includes('summary.relation') && codes.includes('summary.money_decimals') &&
    codes.includes('summary.period_invalid') && codes.includes('summary.value_missing'), codes.join());
  assert.ok(!codes.includes('date.invalid'), 'an empty submission date is not a wrong date');

  // Text in a number cell cannot be a column value: the sheet goes as JSON, which names it.
  const withText = rowsToReports([...rows, line('赣州市某公司', '2023-02', '', good.map((v, i) => (i === 0 ? '十二' : v)))], 14);
  assert.equal(reportsToColumns(withText.reports, 14), null);
});

test('a name with a line break cannot cross as a column: the table goes as JSON, same answer', () => {
  const request = { template: 'mohrss-2022', province: 'jiangxi' };
  const values = Float64Array.from([12, 3, 40, 5, 30, 20, 15, 10, 6, 4, 4, 1, 18, 5.2,
    12, 3, 40, 5, 30, 20, 15, 10, 6, 4, 4, 1, 18, NaN]);
  const columns = { periods: ['2023-01', '2023-02'], units: ['甲\n乙', '甲\n乙'], submitted: ['2023-02-03', ''], values, indicators: 14 };
  const reports = [
    { period: '2023-01', unit: '甲\n乙', submitted_on: '2023-02-03', values: Object.fromEntries([...values.slice(0, 14)].map((v, i) => [i + 1, v])) },
    { period: '2023-02', unit: '甲\n乙', values: Object.fromEntries([...values.slice(14, 27)].map((v, i) => [i + 1, v])) },
  ];
  const asColumns = jianxi.evaluateTableText(request, columns);
  assert.equal(asColumns, jianxi.evaluateText(JSON.stringify({ ...request, kind: 'summary_table', reports })));
  assert.ok(JSON.parse(asColumns).reports.every((r) => r.unit === '甲\n乙'));
});

test('a count out of range is named alike through columns and through JSON', () => {
  const request = { template: 'mohrss-2022' };
  const row = [8999999999999999, 3, 1e16, 5, 9e15, 20, 15, 10, 6, 4, 4, 1, 18, 5.2];
  const columns = { periods: ['2023-01', '2023-02'], values: Float64Array.from([...row, ...row]), indicators: 14 };
  const reports = ['2023-01', '2023-02'].map((period) => ({ period, values: Object.fromEntries(row.map((v, i) => [i + 1, v])) }));
  const asColumns = jianxi.evaluateTableText(request, columns);
  assert.equal(asColumns, jianxi.evaluateText(JSON.stringify({ ...request, kind: 'summary_table', reports })));
  assert.deepEqual(JSON.parse(asColumns).errors.map((e) => e.code), Array(4).fill('summary.count_invalid'));
});
