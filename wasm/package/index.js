// Browser and bundler entry: the .wasm is located with new URL(..., import.meta.url),
// which webpack 5, Vite and Parcel follow to emit the file with the bundle.
import { loadJianxi as load } from './jianxi.js';

export function loadJianxi(options = {}) {
  const wasmUrl = new URL('./jianxi_module.wasm', import.meta.url).href;
  return load({ locateFile: (path) => (path.endsWith('.wasm') ? wasmUrl : path), ...options });
}
