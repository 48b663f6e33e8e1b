// The hot workloads alone, on one built module, for comparing two builds run after
// run (alternate the directories; each run is a fresh Node process):
//   node bench/hot_paths.mjs BUILD_DIR/wasm
// Prints the median milliseconds of each workload as one JSON line.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { asciiOnlyJson, subsidy, subsidyAtPlaceInFull, summaryTable, summaryTableOfNamedUnits, unitApplication } from './workloads.mjs';

const dir = resolve(process.argv[2] ?? 'build/wasm');
const { loadJianxi } = await import(join(dir, 'jianxi.js'));
const jianxi = await loadJianxi({ wasmBinary: readFileSync(join(dir, 'jianxi_module.wasm')) });
const median = (times) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

const workloads = [
  ['form valid', unitApplication(true), 2000],
  ['form invalid', unitApplication(false), 2000],
  ['summary 10k reports', summaryTable(10000), 10],
  ['summary 100k reports', summaryTable(100000), 5],
  ['subsidy 1 intern', subsidy(1), 2000],
  ['subsidy 100 interns', subsidy(100), 100],
  ['subsidy at a place in full', subsidyAtPlaceInFull(), 200],
  ['summary 10k reports, units in Chinese', summaryTableOfNamedUnits(10000), 10],
  ['the same, written as json.dumps writes it', asciiOnlyJson(summaryTableOfNamedUnits(10000)), 10],
];

const medians = {};
for (const [name, request, iterations] of workloads) {
  const text = typeof request === 'string' ? request : JSON.stringify(request);
  jianxi.evaluateText(text);  // warm-up
  const times = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    jianxi.evaluateText(text);
    times.push(performance.now() - start);
  }
  medians[name] = Number(median(times).toFixed(4));
}
console.log(JSON.stringify(medians));
