// The wasm module answers every case file byte for byte as the native CLI does,
// and never throws into JavaScript, whatever it is given.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const build = join(root, process.env.JIANXI_BUILD_ROOT || 'build');
const cli = join(build, 'native/jianxi');
const { loadJianxi } = await import(join(build, 'wasm/jianxi.js'));
const jianxi = await loadJianxi({ wasmBinary: readFileSync(join(build, 'wasm/jianxi_module.wasm')) });

function caseFiles(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? caseFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

function nativeAnswer(requestText) {
  try {
    return execFileSync(cli, { input: requestText }).toString().replace(/\n$/, '');
  } catch (e) {
    if (e.status === 2) return e.stdout.toString().replace(/\n$/, '');
    throw e;
  }
}

const files = caseFiles(join(root, 'tests/cases'));

test('there are case files to compare', () => assert.ok(files.length > 0));

test('every case file: wasm output is byte-identical to the CLI', () => {
  // One batch call to the CLI keeps this quick; the batch answer is the array of answers.
  const requests = files.map((f) => {
    const c = JSON.parse(readFileSync(f, 'utf8'));
    return typeof c.request === 'string' ? c.request : JSON.stringify(c.request);
  });
  for (const [i, text] of requests.entries()) {
    const wasm = jianxi.evaluateText(text);
    assert.equal(wasm, nativeAnswer(text), files[i]);
  }
});

test('hostile input gives a result, never an exception', () => {
  const inputs = ['', '{bad', '[', 'null', '"text"', '[1,2]', '{"kind":7}', '{"kind":"nope"}',
    '['.repeat(100000), '{"kind":"subsidy","trainees":"x"}', '\uD800', '{"kind":"policies"}\u0000',
    JSON.stringify({ kind: 'subsidy', policy: 'jiangxi-2023', min_wage: 1e308, trainees: [{}] })];
  for (const input of inputs) {
    const result = JSON.parse(jianxi.evaluateText(input));
    assert.equal(typeof result, 'object');
    if (!Array.isArray(result)) assert.equal(result.ok, result.errors.length === 0);
  }
});

test('the object API parses the result: the notices the CLI lists', () => {
  const r = jianxi.evaluate({ kind: 'policies' });
  assert.equal(r.ok, true);
  assert.deepEqual(r.policies.map((p) => p.id), JSON.parse(nativeAnswer('{"kind":"policies"}')).policies.map((p) => p.id));
  assert.ok(r.policies.length > 0);
});
