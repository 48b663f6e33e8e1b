// The module's public JavaScript API: load once, then evaluate requests. The core
// answers every failure as a result object, so nothing here throws after loading.
import createJianxiModule from './jianxi_module.mjs';

export async function loadJianxi(options = {}) {
  const module = await createJianxiModule(options);
  return {
    evaluateText: (requestText) => module.evaluate(String(requestText)),
    evaluate: (request) => JSON.parse(module.evaluate(JSON.stringify(request))),
    version: () => module.version(),
    // The module's memory in bytes: it only grows, so after a request it is the high-water mark.
    memoryBytes: () => module.HEAP8.buffer.byteLength,
  };
}
