// In Node the module loads by itself (no wasmBinary needed) and leaves no process
// listeners behind, however many instances are made.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const build = join(root, process.env.JIANXI_BUILD_ROOT || 'build');
const { loadJianxi } = await import(join(build, 'wasm/jianxi.js'));

test('loadJianxi() loads in Node without options', async () => {
  const jianxi = await loadJianxi();
  assert.equal(jianxi.evaluate({ kind: 'policies' }).ok, true);
});

test('instances add no process listeners', async () => {
  const count = () => process.listenerCount('uncaughtException') + process.listenerCount('unhandledRejection');
  const before = count();
  for (let i = 0; i < 5; i++) await loadJianxi();
  assert.equal(count(), before);
});
