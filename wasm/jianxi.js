// The module's public JavaScript API: load once, then evaluate requests. The core
// answers every failure as a result object, so nothing here throws after loading.
// Text crosses into the module as UTF-8 bytes written straight into its memory, and
// the answer is decoded where it lies (see bindings.cpp for why).
import createJianxiModule from './jianxi_module.mjs';

// When the module cannot even hold the request: the core's answer to exhaustion.
const OUT_OF_MEMORY = '{"kind":"","ok":false,"errors":[{"path":"","code":"internal.error","message":"内部错误","message_en":"internal error"}],"warnings":[]}';

export async function loadJianxi(options = {}) {
  const module = await createJianxiModule(options);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  // Copies each part (text, or a Float64Array) into the module's memory, calls
  // `use(...pointerAndLengthPairs)`, frees them, and decodes the answer it returns.
  function withParts(parts, use) {
    const placed = [];
    try {
      for (const part of parts) {
        if (typeof part === 'string' && part.length <= 65536) {
          // A short text is encoded straight into the module's memory (room for 3 bytes
          // per UTF-16 unit), without the intermediate array encode() makes.
          const room = part.length * 3;
          const at = module._malloc(room || 1);
          if (!at) return OUT_OF_MEMORY;
          placed.push(at);
          placed.push(encoder.encodeInto(part, module.HEAPU8.subarray(at, at + room)).written);
          continue;
        }
        const bytes = part instanceof Float64Array ? new Uint8Array(part.buffer, part.byteOffset, part.byteLength)
          : encoder.encode(String(part));
        const at = module._malloc(bytes.length || 1);
        if (!at) return OUT_OF_MEMORY;
        placed.push(at);
        module.HEAPU8.set(bytes, at);
        placed.push(part instanceof Float64Array ? part.length : bytes.length);
      }
      const text = decoder.decode(use(...placed));
      module.releaseAnswer();
      return text;
    } finally {
      for (let i = 0; i < placed.length; i += 2) module._free(placed[i]);
    }
  }

  const evaluateText = (requestText) => withParts([requestText], (at, length) => module.evaluateBytes(at, length));
  const evaluateTableText = (request, { periods, units = [], submitted = [], values, indicators }) => withParts([
    JSON.stringify(request), periods.join('\n'), periods.map((_, i) => units[i] ?? '').join('\n'),
    periods.map((_, i) => submitted[i] ?? '').join('\n'),
    values instanceof Float64Array ? values : Float64Array.from(values),
  ], (...parts) => module.evaluateTableBytes(...parts, indicators));
  return {
    evaluateText,
    evaluate: (request) => JSON.parse(evaluateText(JSON.stringify(request))),
    // A summary table as columns (the portal's import): answered exactly as evaluate()
    // answers the same table written as JSON, without writing or parsing that JSON.
    evaluateTable: (request, columns) => JSON.parse(evaluateTableText(request, columns)),
    evaluateTableText,
    version: () => module.version(),
    // The module's memory in bytes: it only grows, so after a request it is the high-water mark.
    memoryBytes: () => module.HEAP8.buffer.byteLength,
  };
}
