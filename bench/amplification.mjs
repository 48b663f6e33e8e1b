// Bounded work per request, measured against jianxi-server (after a native build):
//  1. amplification: answer bytes ÷ request bytes for small requests built to make
//     large answers (catalogs, batches, echoed names), the worst of them first;
//  2. peak resident memory (VmHWM) of a fresh server answering the largest request
//     within the documented limits (100,000 interns of 7 months);
//  3. /healthz latency while two heavy requests are evaluated.
// Prints Markdown and writes $JIANXI_BUILD_ROOT/bench/server/amplification.json.
// usage: node bench/amplification.mjs
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const build = join(root, process.env.JIANXI_BUILD_ROOT || 'build');
const binary = join(build, 'native/jianxi-server');

function startServer(args = []) {
  const child = spawn(binary, ['--listen', '127.0.0.1:0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text) => {
      log += text;
      const m = log.match(/listening on 127\.0\.0\.1:(\d+)/);
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${log}`)));
  });
}

async function stop(server) {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

async function post(server, body) {
  const res = await fetch(server.url + '/v1/evaluate', { method: 'POST', body });
  return { status: res.status, bytes: Buffer.byteLength(Buffer.from(await res.arrayBuffer())) };
}

function subsidy(interns) {
  const trainee = { category: 'college_graduate', start: '2023-09-01', end: '2024-03-31', insurance_premium: 100 };
  return JSON.stringify({ kind: 'subsidy', policy: 'jiangxi-2023', place: '南昌市东湖区', trainees: Array(interns).fill(trainee) });
}

const longName = '长'.repeat(70000);
const wholeCatalog = '{"kind":"catalog","sections":["policies","vocabulary","templates","forms","findings"]}';
const requests = {
  'catalog (its index, the default)': '{"kind":"catalog"}',
  'catalog with the notices (policies section)': '{"kind":"catalog","sections":["policies"]}',
  'catalog of one province (its notices)': '{"kind":"catalog","province":"jilin"}',
  'catalog of one province with provisions': '{"kind":"catalog","province":"jilin","sections":["provisions"]}',
  'catalog of guangdong (a province and two city notices) with provisions': '{"kind":"catalog","province":"guangdong","sections":["provisions"]}',
  'catalog with every notice\'s provisions (refused)': '{"kind":"catalog","sections":["provisions"]}',
  'catalog with forms': '{"kind":"catalog","sections":["forms"]}',
  'catalog with templates': '{"kind":"catalog","sections":["templates"]}',
  'catalog with findings': '{"kind":"catalog","sections":["findings"]}',
  'catalog with every section': wholeCatalog,
  'batch of 12 catalogs with every section': `[${Array(12).fill(wholeCatalog).join(',')}]`,
  'batch of 13 catalogs with every section (refused)': `[${Array(13).fill(wholeCatalog).join(',')}]`,
  'batch of 80 catalog indexes': `[${Array(80).fill('{"kind":"catalog"}').join(',')}]`,
  'catalog of one notice (its provisions and clauses)': '{"kind":"catalog","policy":"jiangxi-2023"}',
  'policies': '{"kind":"policies"}',
  'batch of 10,000 policies': `[${Array(10000).fill('{"kind":"policies"}').join(',')}]`,
  'batch of 10,000 empty objects': `[${Array(10000).fill('{}').join(',')}]`,
  'subsidy, one intern of 7 months': subsidy(1),
  'subsidy, 10,000 interns': subsidy(10000),
  'unknown kind of 210 KB': JSON.stringify({ kind: longName }),
  'allocation table, column name of 210 KB, 2,000 rows': JSON.stringify({
    kind: 'allocation_table', columns: [longName], rows: Array.from({ length: 2000 }, (_, i) => ({ region: `r${i}` })),
  }),
  'place name of 9 MB': JSON.stringify({ ...JSON.parse(subsidy(1)), place: '某'.repeat(3 << 20) }),
};

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const results = { amplification: [], peak: null, health: null };
let server = await startServer();
for (const [name, body] of Object.entries(requests)) {
  const requestBytes = Buffer.byteLength(body);
  const { status, bytes } = await post(server, body);
  results.amplification.push({ name, status, requestBytes, answerBytes: bytes, ratio: bytes / requestBytes });
}
await stop(server);
results.amplification.sort((a, b) => b.ratio - a.ratio);

// Peak memory: a fresh server, the largest answer within the limits.
server = await startServer();
const largest = subsidy(100000);
const answered = await post(server, largest);
await new Promise((resolve) => setTimeout(resolve, 500));  // the service trims after writing
const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
const kb = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))[1]);
results.peak = { request: '100,000 interns of 7 months', status: answered.status, requestBytes: Buffer.byteLength(largest),
  answerBytes: answered.bytes, peakRssMB: kb('VmHWM') / 1024, rssAfterMB: kb('VmRSS') / 1024 };
await stop(server);

// /healthz while two heavy requests run (the default evaluators: one per core). Each is
// posted by a process of its own: taking in a 125 MB answer stalls the event loop of the
// process that reads it, which would be counted here as /healthz latency.
function postElsewhere(url, file) {
  const script = `const body = (await import('node:fs')).readFileSync(process.argv[2]);
    const res = await fetch(process.argv[1], { method: 'POST', body });
    for await (const chunk of res.body) void chunk;
    console.log(res.status);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, url, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  return new Promise((resolve) => child.on('exit', () => resolve({ status: Number(out.trim()) })));
}
server = await startServer();
const heavy = subsidy(40000);
const heavyFile = join(build, 'bench/server/heavy.json');
mkdirSync(join(build, 'bench/server'), { recursive: true });
writeFileSync(heavyFile, heavy);
let running = 2;
const started = performance.now();
const both = [0, 1].map(() => postElsewhere(server.url + '/v1/evaluate', heavyFile).finally(() => { running--; }));
const latencies = [];
while (running > 0) {
  const t = performance.now();
  const res = await fetch(server.url + '/healthz');
  await res.arrayBuffer();
  latencies.push(performance.now() - t);
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const heavyStatuses = (await Promise.all(both)).map((r) => r.status);
await stop(server);
latencies.sort((a, b) => a - b);
results.health = { heavy: '2 × subsidy of 40,000 interns', heavyStatuses, heavyMs: performance.now() - started,
  pings: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) };

const fmt = (n, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log('| request | status | request bytes | answer bytes | answer ÷ request |');
console.log('|---|---|---|---|---|');
for (const a of results.amplification)
  console.log(`| ${a.name} | ${a.status} | ${a.requestBytes.toLocaleString('en-US')} | ${a.answerBytes.toLocaleString('en-US')} | ${fmt(a.ratio)}× |`);
const p = results.peak;
console.log(`\nPeak RSS, fresh server, ${p.request} (${fmt(p.requestBytes / 1e6)} MB in, ${fmt(p.answerBytes / 1e6)} MB out, ` +
  `status ${p.status}): ${fmt(p.peakRssMB)} MB; ${fmt(p.rssAfterMB)} MB after.`);
const h = results.health;
console.log(`/healthz while ${h.heavy} run (${fmt(h.heavyMs / 1000, 2)} s, statuses ${h.heavyStatuses.join(', ')}): ` +
  `${h.pings} pings, p50 ${fmt(h.p50, 2)} ms, p99 ${fmt(h.p99, 2)} ms, max ${fmt(h.max, 2)} ms.`);
mkdirSync(join(build, 'bench/server'), { recursive: true });
writeFileSync(join(build, 'bench/server/amplification.json'), JSON.stringify(results, null, 2));
