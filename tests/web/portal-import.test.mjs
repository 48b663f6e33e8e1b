// Clerks' real spreadsheets: a title row and a 填报单位 line above a header, a 单位
// column, GBK-encoded CSV (Chinese Excel's default), dates as 2022/10/3 and Excel
// serial numbers; large files read and checked in the worker with progress and
// cancel, the exact error count; a list of findings that jumps to the cell. Records
// the time and longest frame for 500 / 5,000 / 86,000 reports (printed, and written
// to $JIANXI_BUILD_ROOT/screenshots/import-timings.json) as measurements: timings are
// never a pass/fail condition of a test.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gbk } from './gbk.mjs';
import { buildRoot, cli, DESKTOP, open, repo, screenshots, shot, withServerAndBrowser } from './harness.mjs';

/** The CLI's answer to a large request (its output passes the default buffer). */
const bigCli = (request) => JSON.parse(execFileSync(join(buildRoot, 'native/jianxi'), { input: JSON.stringify(request), maxBuffer: 1 << 30 }).toString());

const summary = JSON.parse(readFileSync(`${repo}/web/examples/summary-table.json`, 'utf8'));
const session = withServerAndBrowser(DESKTOP);
const catalog = cli({ kind: 'catalog', sections: ['templates'] });
const mohrss = catalog.templates.find((tpl) => tpl.id === 'mohrss-2022');

const excelSerial = (day) => Math.round((Date.parse(`${day}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000);
const slashed = (day) => day.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1/$2/$3');

async function settled(page, n) {
  await page.waitForFunction((k) => document.getElementById('sum-form').dataset.checked === String(k)
    && document.getElementById('progress-box').dataset.stage !== 'checking', n, { timeout: 600000 });
}

const shownFindings = (page) => page.locator('#sum-form li.finding').evaluateAll(
  (items) => items.map((li) => `${li.dataset.path} ${li.dataset.code}`).sort());
const expectedFindings = (result) => [...result.errors, ...result.warnings].map((f) => `${f.path} ${f.code}`).sort();

test('a GBK CSV with a title row, a 填报单位 line, a 单位 column and Excel dates imports', async () => {
  const header = ['单位', '报告期', '报送日期', ...mohrss.indicators.map((i) => i.name)];
  const lines = [
    [mohrss.title],
    ['填报单位：（盖章）吉林省就业服务中心', '', '', '单位：个、人、万元'],
    header,
    ...summary.reports.map((r, i) => ['长春市', r.period.replace('-', '年').replace(/年0?/, '年') + '月',
      i % 2 ? String(excelSerial(r.submitted_on)) : slashed(r.submitted_on),
      ...mohrss.indicators.map((ind) => r.values[ind.number] ?? '')]),
    ['填报人：张三　联系电话：0431-88888888'],
  ];
  const csv = gbk(lines.map((l) => l.join(',')).join('\r\n'));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(csv), 'the file is not UTF-8');
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.setInputFiles('#import-table', { name: 'gbk.csv', mimeType: 'text/csv', buffer: csv });
  await page.waitForFunction(() => document.getElementById('import-info').textContent.includes('GB18030'));
  await settled(page, summary.reports.length);
  const request = await page.evaluate(() => JSON.parse(localStorage.getItem('jianxi.inputs.portal.summary')));
  const expectedReports = summary.reports.map((r) => ({ period: r.period, submitted_on: r.submitted_on, values: r.values, unit: '长春市' }));
  assert.deepEqual(request.reports, expectedReports);
  const info = await page.locator('#import-info').textContent();
  assert.match(info, /GB18030/);
  assert.match(info, /表头在第 3 行/);
  assert.match(info, /跳过 1 行/);
  const expected = cli({ kind: 'summary_table', template: 'mohrss-2022', province: summary.province, reports: expectedReports });
  assert.deepEqual(await shownFindings(page), expectedFindings(expected));
  await shot(page, 'portal-import-gbk');
});

test('the column mapping is shown and can be fixed', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  // Column 3 is headed with a name the page does not know; the person maps it to indicator 1.
  const header = ['报告期', '报送日期', '单位总数（个）', ...mohrss.indicators.slice(1).map((i) => `指标${i.number}`)];
  const rows = summary.reports.map((r) => [r.period, r.submitted_on, ...mohrss.indicators.map((ind) => r.values[ind.number] ?? '')]);
  await page.fill('#paste', [header, ...rows].map((r) => r.join('\t')).join('\n'));
  await page.click('#read-paste');
  await settled(page, summary.reports.length);
  await page.click('#import-info summary');
  assert.equal(await page.locator('#import-info select[data-column="2"]').inputValue(), '');
  assert.equal(await page.locator('#sheet tbody tr').first().locator('input[data-indicator="1"]').inputValue(), '');
  await page.selectOption('#import-info select[data-column="2"]', '1');
  await page.click('#import-info button');
  await page.waitForFunction(() => document.querySelector('#sheet tbody tr input[data-indicator="1"]').value !== '');
  assert.equal(await page.locator('#sheet tbody tr').first().locator('input[data-indicator="1"]').inputValue(), String(summary.reports[0].values['1']));
});

/** n reports for many units, a few of them wrong, as CSV. */
function bigTable(n) {
  const reports = [];
  const units = Math.ceil(n / 12);
  for (let u = 0; u < units && reports.length < n; u += 1) {
    for (let month = 1; month <= 12 && reports.length < n; month += 1) {
      const base = summary.reports[month % 4];
      const values = { ...base.values, 14: month };
      if (reports.length % 23 === 5) values['7'] = 999;   // 5≥6≥7 fails
      reports.push({ unit: `单位${u + 1}`, period: `2023-${String(month).padStart(2, '0')}`,
        submitted_on: month === 12 ? '2024-01-03' : `2023-${String(month + 1).padStart(2, '0')}-03`, values });
    }
  }
  const csv = [['单位', '报告期', '报送日期', ...mohrss.indicators.map((i) => i.number)].join(','),
    ...reports.map((r) => [r.unit, r.period, r.submitted_on, ...mohrss.indicators.map((i) => r.values[i.number])].join(','))].join('\n');
  return { reports, csv };
}

const exactCount = (result) => result.errors.reduce((n, f) => n + (f.code === 'findings.truncated' ? Number(f.message_en.match(/\d+/)[0]) : 1), 0);

const timings = [];
for (const n of [500, 5000, 86000]) {
  test(`${n} reports: read and checked in the worker, the exact error count (time and longest frame recorded, not asserted)`, async () => {
    const { reports, csv } = bigTable(n);
    const page = await open(session.browser.context, session.server.origin, 'portal.html');
    // Frames are timed from the file input's change event: before it, the browser is still
    // taking the file from the test driver (DevTools protocol), which is not the page's work.
    await page.evaluate(() => {
      window.frames_ = [];
      window.changeAt_ = Infinity;
      document.getElementById('import-table').addEventListener('change', () => { window.changeAt_ = performance.now(); }, { capture: true });
      let last = performance.now();
      const tick = (now) => { window.frames_.push([now, now - last]); last = now; window.frameLoop_ = requestAnimationFrame(tick); };
      window.frameLoop_ = requestAnimationFrame(tick);
    });
    const started = Date.now();
    await page.setInputFiles('#import-table', { name: `big-${n}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await settled(page, n);
    const elapsed = Date.now() - started;
    const [longest, overall] = await page.evaluate(() => {
      cancelAnimationFrame(window.frameLoop_);
      const after = window.frames_.filter(([end, gap]) => end - gap >= window.changeAt_ - 1).map(([, gap]) => gap);
      return [Math.max(0, ...after), Math.max(0, ...window.frames_.map(([, gap]) => gap))];
    });
    const expected = bigCli({ kind: 'summary_table', template: 'mohrss-2022', province: summary.province, reports });
    const shownErrors = Number(await page.locator('#sum-form').getAttribute('data-errors'));
    assert.equal(shownErrors, exactCount(expected));
    assert.match(await page.locator('#sum-summary').textContent(), new RegExp(`${n} 份报表：${exactCount(expected)} 个错误`));
    timings.push({ reports: n, bytes: csv.length, ms: elapsed, longest_frame_ms: Math.round(longest), longest_frame_with_file_handoff_ms: Math.round(overall) });
    console.log(`import ${n} reports (${(csv.length / 1e6).toFixed(1)} MB): ${elapsed} ms, longest frame ${Math.round(longest)} ms (${Math.round(overall)} ms with the test driver's file hand-off)`);
    // The list of findings jumps to a cell on another page of rows.
    const relations = expected.errors.filter((f) => f.code === 'summary.relation');
    const target = relations.filter((f) => Number(f.path.split('/')[2]) >= 100)[0] ?? relations[0];
    await page.locator(`#finding-list li[data-finding-path="${target.path}"] button`).click();
    const focused = await page.evaluate(() => document.activeElement.closest('td')?.dataset.path);
    assert.equal(focused, target.path);
    // Every cell of the failed relation is marked.
    const row = target.path.split('/')[2];
    const relation = mohrss.relations.find((r) => target.message.includes(r.printed));
    const marked = await page.locator(`#sheet tr[data-row="${row}"] td.in-relation`).evaluateAll((tds) => tds.map((td) => td.dataset.path).sort());
    assert.deepEqual(marked, relation.sides.flat().map((k) => `/reports/${row}/values/${k}`).sort());
    if (n === 500) await shot(page, 'portal-import-500');
  });
}

test('a large import can be cancelled, leaving the table as it was', async () => {
  const { csv } = bigTable(86000);
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.click('#sum-example');
  await settled(page, summary.reports.length);
  await page.setInputFiles('#import-table', { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => !document.getElementById('cancel-work').hidden);
  await page.click('#cancel-work');
  await page.waitForFunction(() => document.getElementById('progress-box').dataset.stage === 'done');
  assert.match(await page.locator('#progress-text').textContent(), /已取消/);
  assert.equal(await page.locator('#sheet tbody tr').count(), summary.reports.length);
  mkdirSync(screenshots, { recursive: true });
  writeFileSync(join(screenshots, 'import-timings.json'), `${JSON.stringify(timings, null, 1)}\n`);
  assert.deepEqual(session.browser.problems, []);
});
