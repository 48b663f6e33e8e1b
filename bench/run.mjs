// The benchmark: one run, medians and ratios.
//   node bench/run.mjs            (after scripts/build.sh; writes build/bench/results.json)
// Compares, for the same requests: the wasm module in Node, the native core
// (build/native/jianxi_bench), and a JS peer (ajv 8 compiled schema with allErrors
// plus hand-written relation checks, bench/peer.mjs). Also payload sizes and the
// cold start of the page in headless Chromium.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkForm, checkSummaryTable } from './peer.mjs';
import { subsidy, summaryTable, unitApplication } from './workloads.mjs';
import { coldStart } from './cold_start.mjs';

const root = new URL('../', import.meta.url).pathname;
const build = join(root, process.env.JIANXI_BUILD_ROOT || 'build');
const out = join(build, 'bench');
mkdirSync(out, { recursive: true });
const { loadJianxi } = await import(join(build, 'wasm/jianxi.js'));
const jianxi = await loadJianxi({ wasmBinary: readFileSync(join(build, 'wasm/jianxi_module.wasm')) });

function median(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeJs(fn, iterations) {
  fn();  // warm-up
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function timeNative(file, iterations) {
  const text = execFileSync(join(build, 'native/jianxi_bench'), [file, String(iterations)]).toString();
  return JSON.parse(text).median_ms;
}

const workloads = [
  { name: 'form valid', request: unitApplication(true), iterations: 2000, peer: checkForm },
  { name: 'form invalid', request: unitApplication(false), iterations: 2000, peer: checkForm },
  { name: 'summary 1k reports', request: summaryTable(1000), iterations: 30, rows: 1000, peer: checkSummaryTable },
  { name: 'summary 10k reports', request: summaryTable(10000), iterations: 10, rows: 10000, peer: checkSummaryTable },
  { name: 'summary 100k reports', request: summaryTable(100000), iterations: 5, rows: 100000, peer: checkSummaryTable },
  { name: 'subsidy 1 intern', request: subsidy(1), iterations: 2000, estimates: 1 },
  { name: 'subsidy 100 interns', request: subsidy(100), iterations: 100, estimates: 100 },
  { name: 'subsidy 10000 interns', request: subsidy(10000), iterations: 5, estimates: 10000 },
];

function assertSame(a, b, name) {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${name}: evaluateTable differs from evaluate`);
}

const rows = [];
for (const w of workloads) {
  const text = JSON.stringify(w.request);
  const file = join(out, `${w.name.replace(/\W+/g, '-')}.json`);
  writeFileSync(file, text);
  const wasmResult = JSON.parse(jianxi.evaluateText(text));
  const wasm = timeJs(() => jianxi.evaluateText(text), w.iterations);
  const native = timeNative(file, w.iterations);
  // The peer gets the request as text too, so both sides parse and answer.
  const peer = w.peer ? timeJs(() => JSON.stringify(w.peer(JSON.parse(text))), w.iterations) : null;
  const row = {
    workload: w.name, wasm_ms: wasm, native_ms: native, peer_ms: peer,
    wasm_over_native: wasm / native, wasm_over_peer: peer ? wasm / peer : null,
    ok: wasmResult.ok, findings: wasmResult.errors.length + wasmResult.warnings.length,
  };
  if (w.rows) row.rows_per_second_wasm = Math.round(w.rows / (wasm / 1000));
  if (w.rows) {
    // The portal's typed entry on the same table (evaluateTableText, as the worker calls
    // it): columns in, the same answer text out.
    const { reports, ...head } = w.request;
    const indicators = 14;
    const columns = {
      periods: reports.map((r) => r.period), units: reports.map((r) => r.unit ?? ''),
      submitted: reports.map((r) => r.submitted_on ?? ''),
      values: Float64Array.from(reports.flatMap((r) => Array.from({ length: indicators }, (_, i) => r.values[i + 1] ?? NaN))),
      indicators,
    };
    assertSame(jianxi.evaluateTable(head, columns), wasmResult, w.name);
    row.typed_ms = timeJs(() => jianxi.evaluateTableText(head, columns), w.iterations);
    row.typed_over_peer = peer ? row.typed_ms / peer : null;
  }
  if (w.estimates) row.estimates_per_second_wasm = Math.round(w.estimates / (wasm / 1000));
  rows.push(row);
  console.error(`measured ${w.name}`);
}

const site = join(build, 'site');
const payload = {};
for (const f of ['jianxi_module.wasm', 'jianxi_module.mjs', 'jianxi.js']) {
  const bytes = readFileSync(join(site, f));
  payload[f] = { raw: statSync(join(site, f)).size, gzip: gzipSync(bytes, { level: 9 }).length };
}
payload.rules_embedded = { note: 'rules/ is embedded in the .wasm' };
payload.total_gzip = Object.values(payload).reduce((s, p) => s + (p.gzip || 0), 0);

let cold = null;
try {
  cold = await coldStart(site);
} catch (e) {
  cold = { error: String(e) };
}

const results = { date: new Date().toISOString(), rows, payload, cold_start: cold };
writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 1));

const fmt = (v, d = 2) => (v == null ? '—' : Number(v).toFixed(d));
console.log('| workload | wasm ms | typed wasm ms | native ms | ajv peer ms | wasm/native | wasm/peer | typed/peer | per second (wasm) |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const rate = r.rows_per_second_wasm ? `${r.rows_per_second_wasm} rows` :
    r.estimates_per_second_wasm ? `${r.estimates_per_second_wasm} interns` : '';
  console.log(`| ${r.workload} | ${fmt(r.wasm_ms, 3)} | ${fmt(r.typed_ms, 3)} | ${fmt(r.native_ms, 3)} | ${fmt(r.peer_ms, 3)} | ${fmt(r.wasm_over_native)} | ${fmt(r.wasm_over_peer)} | ${fmt(r.typed_over_peer)} | ${rate} |`);
}
console.log(`\npayload (gzip -9): ${Object.entries(payload).filter(([, p]) => p.gzip).map(([f, p]) => `${f} ${p.raw} B raw, ${p.gzip} B gz`).join('; ')}; total ${payload.total_gzip} B gz`);
console.log(`cold start (headless Chromium, page load → first result): ${cold && cold.first_result_ms != null ? `${fmt(cold.first_result_ms, 1)} ms median of ${cold.runs}` : JSON.stringify(cold)}`);
console.log(`\nwritten ${join(out, 'results.json')}`);
