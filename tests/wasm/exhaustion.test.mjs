// Memory running out in the module (1 GB) answers the fixed internal error, and the
// same instance goes on answering; a batch beyond the catalog limit is refused
// without being answered.
import assert from 'node:assert/strict';
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

test('exhausting the module answers internal.error, and the instance answers after', () => {
  // Two estimates at the intern limit: the second cannot be made beside the first's answer.
  const one = subsidy(100000);
  const answer = JSON.parse(jianxi.evaluateText(`[${one},${one}]`));
  assert.equal(answer.errors[0].code, 'internal.error');
  assert.equal(jianxi.evaluate({ kind: 'policies' }).ok, true);
  const small = jianxi.evaluate(JSON.parse(subsidy(3)));
  assert.deepEqual(small.errors, []);
});
