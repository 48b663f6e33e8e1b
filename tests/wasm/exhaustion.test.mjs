// Memory running out in the module (1 GB) answers the fixed internal error, and the
// loaded core goes on answering, with the provinces it held (the module aborts and a
// fresh instance takes over); a batch beyond the catalog limit is refused without
// being answered.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const build = join(root, process.env.JIANXI_BUILD_ROOT || 'build');
const { loadJianxi } = await import(join(build, 'wasm/jianxi.js'));
const jianxi = await loadJianxi();

function subsidy(interns) {
  const trainee = { category: 'college_graduate', start: '2023-09-01', end: '2024-03-31', insurance_premium: 100 };
  return JSON.stringify({ kind: 'subsidy', policy: 'jiangxi-2023', place: '南昌市东湖区', trainees: Array(interns).fill(trainee) });
}

test('a batch of catalogs over the limit is refused, and the instance answers after', () => {
  const refused = JSON.parse(jianxi.evaluateText(`[${Array(5000).fill('{"kind":"catalog"}').join(',')}]`));
  assert.equal(refused.errors[0].code, 'request.too_large');
  assert.equal(jianxi.evaluate({ kind: 'policies' }).ok, true);
});

// Two estimates at the intern limit: the second cannot be made beside the first's answer.
const exhausting = `[${subsidy(100000)},${subsidy(100000)}]`;

test('exhausting the module answers internal.error, and the instance answers after', () => {
  const before = jianxi.evaluateText(subsidy(3));
  const answer = JSON.parse(jianxi.evaluateText(exhausting));
  assert.equal(answer.errors[0].code, 'internal.error');
  assert.equal(jianxi.evaluate({ kind: 'policies' }).ok, true);
  // The same figures as before: the fresh instance was given the provinces loaded.
  assert.equal(jianxi.evaluateText(subsidy(3)), before);
  assert.ok(jianxi.memoryBytes() < 256 * 1024 * 1024, `${jianxi.memoryBytes()} bytes held after`);
});

test('memory running out on the first request keeps the provinces taken in before it', async () => {
  const fresh = await loadJianxi();
  assert.equal(JSON.parse(fresh.evaluateText(exhausting)).errors[0].code, 'internal.error');
  assert.equal(fresh.evaluateText(subsidy(3)), jianxi.evaluateText(subsidy(3)));
});

test('a province loaded before memory ran out is not fetched again', async () => {
  const fetched = [];
  const bare = await loadJianxi({ provinces: [], provinceFile: async (id) => {
    fetched.push(id);
    return readFile(join(build, `wasm/provinces/${id}.json`));
  } });
  const before = await bare.evaluateTextAsync(subsidy(3));
  assert.deepEqual(fetched, ['jiangxi']);
  assert.equal(JSON.parse(bare.evaluateText(exhausting)).errors[0].code, 'internal.error');
  assert.equal(bare.evaluateText(subsidy(3)), before);
  assert.deepEqual(fetched, ['jiangxi']);
});
