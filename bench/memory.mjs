// Peak memory by request size, natively and in the wasm module:
//   node bench/memory.mjs     (after scripts/build.sh; writes build/bench/memory.json)
// For subsidy requests of 1k, 10k and 100k interns (six months each) and summary
// tables of 1k, 10k and 100k reports: the request and result bytes, the CLI's peak
// resident memory (GNU time), and the wasm module's memory after the request in a
// fresh module (its high-water mark). Reported against request + result bytes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const build = join(root, process.env.JIANXI_BUILD_ROOT || 'build');
const out = join(build, 'bench');
mkdirSync(out, { recursive: true });
const { loadJianxi } = await import(join(build, 'wasm/jianxi.js'));
const wasmBinary = readFileSync(join(build, 'wasm/jianxi_module.wasm'));

function subsidy(n) {
  const trainees = Array.from({ length: n }, (_, i) => ({
    category: 'college_graduate', start: '2023-09-01', end: '2024-02-29', insurance_premium: 100, retained: i % 3 === 0,
  }));
  return JSON.stringify({ kind: 'subsidy', policy: 'jiangxi-2023', place: '南昌市东湖区', trainees });
}

function summary(n) {
  const values = { 1: 12, 2: 3, 3: 40, 4: 5, 5: 30, 6: 20, 7: 15, 8: 10, 9: 6, 10: 4, 11: 4, 12: 1, 13: 18, 14: 5.2 };
  const reports = Array.from({ length: n }, (_, i) => ({ unit: `U${Math.floor(i / 12)}`, period: `2023-${String((i % 12) + 1).padStart(2, '0')}`, values }));
  return JSON.stringify({ kind: 'summary_table', template: 'mohrss-2022', reports });
}

const MB = (b) => (b / 1048576).toFixed(1);
const rows = [];
for (const [name, make] of [['subsidy interns', subsidy], ['summary reports', summary]]) {
  for (const n of [1000, 10000, 100000]) {
    const text = make(n);
    const file = join(out, `memory-${n}.json`);
    writeFileSync(file, text);
    let nativePeak = null;
    let resultBytes;
    if (existsSync('/usr/bin/time')) {
      const stderr = join(out, 'memory-time.txt');
      const result = execFileSync('/usr/bin/time', ['-f', '%M', '-o', stderr, join(build, 'native/jianxi'), file], { maxBuffer: 1 << 30 });
      resultBytes = result.length;
      nativePeak = Number(readFileSync(stderr, 'utf8').trim().split('\n').pop()) * 1024;
    }
    const jianxi = await loadJianxi({ wasmBinary });
    const answer = jianxi.evaluateText(text);
    resultBytes ??= Buffer.byteLength(answer);
    const wasmPeak = jianxi.memoryBytes();
    const io = Buffer.byteLength(text) + resultBytes;
    rows.push({ request: `${name} ${n}`, request_mb: MB(Buffer.byteLength(text)), result_mb: MB(resultBytes),
      native_peak_mb: nativePeak && MB(nativePeak), native_ratio: nativePeak && (nativePeak / io).toFixed(2),
      wasm_peak_mb: MB(wasmPeak), wasm_ratio: (wasmPeak / io).toFixed(2) });
  }
}
console.table(rows);
writeFileSync(join(out, 'memory.json'), JSON.stringify(rows, null, 1));
