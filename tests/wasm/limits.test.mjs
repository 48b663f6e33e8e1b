// The documented limits hold where the core runs with the least memory, the wasm
// module (1 GB): a request at each limit is answered, one beyond is refused with
// request.too_large naming the limit and the count, never internal.error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const build = join(root, process.env.JIANXI_BUILD_ROOT || 'build');
const { loadJianxi } = await import(join(build, 'wasm/jianxi.js'));
const jianxi = await loadJianxi({ wasmBinary: readFileSync(join(build, 'wasm/jianxi_module.wasm')) });
const limits = jianxi.evaluate({ kind: 'catalog' }).limits;

// Interns of 7 internship months each (2023-09 to 2024-03), every third kept on.
function subsidy(interns, end = '2024-03-31') {
  const trainees = Array.from({ length: interns }, (_, i) => ({
    category: 'college_graduate', start: '2023-09-01', end, insurance_premium: 100, retained: i % 3 === 0,
  }));
  return JSON.stringify({ kind: 'subsidy', policy: 'jiangxi-2023', place: '南昌市东湖区', trainees });
}

test('the catalog states the limits', () => {
  assert.equal(limits.interns, 100000);
  assert.equal(limits.internship_months, 700000);
  assert.equal(limits.request_bytes, 64 * 1024 * 1024);
});

test('100,000 interns of 7 months each (the limits) are answered in wasm', () => {
  const result = JSON.parse(jianxi.evaluateText(subsidy(limits.interns)));
  assert.deepEqual(result.errors, []);
  // 南昌 tier 1: 2021-04-01 standard 1850 × 80% = 1480 for Sep 2023 - Mar 2024 (7 months),
  // April 2024 not reached; premium 100 each: 7 × 1480 + 100 = 10460 per intern.
  assert.equal(result.by_item.position, 1480 * 7 * limits.interns);
  assert.equal(result.lines.length, 8 * limits.interns);
});

test('one intern more, or one internship month more, is refused with the limit named', () => {
  const interns = JSON.parse(jianxi.evaluateText(subsidy(limits.interns + 1)));
  assert.equal(interns.errors[0].code, 'request.too_large');
  assert.match(interns.errors[0].message_en, /100,000 interns.*100001/);
  const months = JSON.parse(jianxi.evaluateText(subsidy(limits.interns, '2024-04-01')));
  assert.equal(months.errors[0].code, 'request.too_large');
  assert.match(months.errors[0].message_en, /700000 internship months.*800000/);
});

test('a summary table just under the byte limit is answered; over it, refused', () => {
  const report = JSON.stringify({ unit: 'U', period: '2023-09', values: { 1: 12, 2: 3, 3: 40, 4: 5, 5: 30, 6: 20, 7: 15, 8: 10, 9: 6, 10: 4, 11: 4, 12: 1, 13: 18, 14: 5.2 } });
  const count = Math.floor((limits.request_bytes - 200) / (report.length + 1));
  const text = `{"kind":"summary_table","template":"mohrss-2022","reports":[${Array(count).fill(report).join(',')}]}`;
  assert.ok(text.length <= limits.request_bytes);
  const result = JSON.parse(jianxi.evaluateText(text));
  assert.notEqual(result.errors[0]?.code, 'internal.error');
  assert.equal(result.reports.length, count);
  const over = JSON.parse(jianxi.evaluateText(text + ' '.repeat(limits.request_bytes - text.length + 1)));
  assert.equal(over.errors[0].code, 'request.too_large');
});
