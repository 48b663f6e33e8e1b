// The bad-input corpus through the wasm module: every value of every case request
// swapped for each wrong type (answered as one batch, byte-identical to the CLI's
// answer to the same batch), a 10 MB summary table and a 100,000-row allocation
// table. Nothing may throw into JavaScript.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const build = join(root, process.env.JIANXI_BUILD_ROOT || 'build');
const { loadJianxi } = await import(join(build, 'wasm/jianxi.js'));
const jianxi = await loadJianxi({ wasmBinary: readFileSync(join(build, 'wasm/jianxi_module.wasm')) });

const walk = (dir) => readdirSync(dir).sort().flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : n.endsWith('.json') ? [p] : [];
});
const requests = walk(join(root, 'tests/cases'))
  .map((f) => JSON.parse(readFileSync(f, 'utf8')).request)
  .filter((r) => r && typeof r === 'object' && !Array.isArray(r));

// Every place inside a value (not the root, not "kind"), as [parent, key] pairs.
function places(doc, out = []) {
  for (const key of Object.keys(doc)) {
    if (key === 'kind' && !Array.isArray(doc)) continue;
    out.push([doc, key]);
    if (doc[key] && typeof doc[key] === 'object') places(doc[key], out);
  }
  return out;
}

const WRONG = [null, true, 0, -1, 1.5, 1e308, '', 'NaN', 'Infinity', '1e999', [], {}];

function checkOne(r) {
  assert.equal(typeof r, 'object');
  assert.equal(r.ok, r.errors.length === 0);
}

test('every value of every case request as each wrong type: wasm equals the CLI, byte for byte', () => {
  const batch = [];
  for (const request of requests) {
    const count = places(structuredClone(request)).length;
    for (let target = 0; target < count; target++) {
      for (const wrong of WRONG) {
        const mutated = structuredClone(request);
        const [parent, key] = places(mutated)[target];
        parent[key] = structuredClone(wrong);
        batch.push(mutated);
      }
    }
  }
  assert.ok(batch.length > 10000, `${batch.length} mutations`);
  // A batch's catalog answers share one byte budget: catalog requests go four to a batch.
  const catalogs = batch.filter((r) => r?.kind === 'catalog');
  const chunks = [batch.filter((r) => r?.kind !== 'catalog')];
  for (let i = 0; i < catalogs.length; i += 4) chunks.push(catalogs.slice(i, i + 4));
  let answered = 0;
  for (const chunk of chunks) {
    const text = JSON.stringify(chunk);
    const wasm = jianxi.evaluateText(text);
    let native;
    try {
      native = execFileSync(join(build, 'native/jianxi'), { input: text, maxBuffer: 1 << 30 }).toString();
    } catch (e) {
      assert.equal(e.status, 2);
      native = e.stdout.toString();
    }
    assert.equal(wasm, native.replace(/\n$/, ''));
    const results = JSON.parse(wasm);
    assert.equal(results.length, chunk.length);
    results.forEach(checkOne);
    answered += results.length;
  }
  assert.equal(answered, batch.length);
});

test('a 10 MB summary table: answered, findings capped at 1,000 with a count of the rest', () => {
  const reports = [];
  for (let i = 0; i < 70000; i++) {
    reports.push({ period: '2023-09', unit: `u${i}`, values: { 1: 1, 2: 2, 3: 40, 4: 5, 5: 30, 6: 20, 7: 10, 8: 10, 9: 6, 10: 4, 11: 4, 12: 1, 13: 15, 14: 2.5 } });
  }
  const text = JSON.stringify({ kind: 'summary_table', template: 'mohrss-2022', reports });
  assert.ok(text.length > 10e6);
  const r = JSON.parse(jianxi.evaluateText(text));
  checkOne(r);
  assert.equal(r.errors.length, 1001);
  assert.equal(r.errors[1000].code, 'findings.truncated');
  assert.equal(r.errors[1000].message_en, '69000 more errors not listed');
});

test('a 100,000-row allocation table adds up, and one changed total is found', () => {
  const rows = Array.from({ length: 100000 }, (_, i) => ({ region: `r${i}`, positions: 3, trainees: 1 }));
  const request = { kind: 'allocation_table', columns: ['positions', 'trainees'], rows, total: { region: 'all', positions: 300000, trainees: 100000 } };
  assert.equal(jianxi.evaluate(request).ok, true);
  request.total.positions = 300001;
  const r = jianxi.evaluate(request);
  assert.equal(r.ok, false);
  assert.equal(r.errors[0].code, 'allocation.sum_mismatch');
});
