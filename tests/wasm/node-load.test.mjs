// In Node the module loads by itself (no wasmBinary needed), leaves no process
// listeners of its own behind, however many instances are made, takes none of the
// application's, and fails a load it cannot make.
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

test('a listener the application adds while a load is pending stays', async () => {
  // The application's code runs while the instance is being made.
  const mine = () => {};
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = (...args) => instantiate(...args).then((made) => {
    process.on('unhandledRejection', mine);
    return made;
  });
  try {
    await loadJianxi();
    assert.ok(process.listeners('unhandledRejection').includes(mine));
  } finally {
    WebAssembly.instantiate = instantiate;
    process.removeListener('unhandledRejection', mine);
  }
});

test('locateFile is asked with the scripts\' directory, as the glue asks it', async () => {
  const asked = [];
  const jianxi = await loadJianxi({ provinces: [], locateFile: (path, prefix) => {
    asked.push([path, prefix]);
    return prefix + path;
  } });
  assert.deepEqual(asked, [['jianxi_module.wasm', join(build, 'wasm/')]]);
  assert.equal(jianxi.evaluate({ kind: 'policies' }).ok, true);
});

test('code that cannot be instantiated fails the load, never leaves it waiting', async () => {
  const emptyModule = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  await assert.rejects(loadJianxi({ wasmBinary: emptyModule, provinces: [] }));
});
