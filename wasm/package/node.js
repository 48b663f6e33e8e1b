// Node.js entry: reads the .wasm that sits beside this file, since Emscripten 3.1.6's
// glue cannot fetch a file path under Node's global fetch.
import { readFile } from 'node:fs/promises';
import { loadJianxi as load } from './jianxi.js';

export async function loadJianxi(options = {}) {
  const wasmBinary = options.wasmBinary ?? (await readFile(new URL('./jianxi_module.wasm', import.meta.url)));
  return load({ ...options, wasmBinary });
}
