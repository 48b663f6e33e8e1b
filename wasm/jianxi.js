// The module's public JavaScript API: load once, then evaluate requests. The core
// answers every failure as a result object, so nothing here throws after loading.
import createJianxiModule from './jianxi_module.mjs';

export async function loadJianxi(options = {}) {
  const module = await createJianxiModule(options);
  return {
    evaluateText: (requestText) => module.evaluate(String(requestText)),
    evaluate: (request) => JSON.parse(module.evaluate(JSON.stringify(request))),
    // A summary table as columns (the portal's import): answered exactly as evaluate()
    // answers the same table written as JSON, without writing or parsing that JSON.
    evaluateTable: (request, { periods, units = [], submitted = [], values, indicators }) => JSON.parse(module.evaluateTable(
      JSON.stringify(request), periods.join('\n'), periods.map((_, i) => units[i] ?? '').join('\n'),
      periods.map((_, i) => submitted[i] ?? '').join('\n'),
      values instanceof Float64Array ? values : Float64Array.from(values), indicators)),
    version: () => module.version(),
    // The module's memory in bytes: it only grows, so after a request it is the high-water mark.
    memoryBytes: () => module.HEAP8.buffer.byteLength,
  };
}
