// The embedding layer's only door into the rule core: every check, table check and
// catalog question goes through here, so a change in how the core is loaded touches
// this file alone. Every call is the core's asynchronous one, which first fetches the
// rules of the province a request names (provinces/<id>.json beside jianxi.js).
import { loadJianxi } from '../jianxi.js';
import { reportsToColumns, withoutEmptyDates } from '../js/table-columns.js';

let loading;
let loadOptions = {};

/**
 * Options for loadJianxi (locateFile, wasmBinary), before the first check; or `core`, the
 * promise of a core the page has loaded already (loadJianxi's answer), so that the page
 * holds one module and fetches each province once.
 */
export function configureEngine(options = {}) {
  loadOptions = options;
}

function open() {
  const { core, ...options } = loadOptions;
  loading ??= (core ?? loadJianxi(options)).then((jianxi) => {
    const catalogs = new Map();
    return {
      check: (request) => jianxi.evaluateAsync(request),
      // Reports as the typed table entry takes them when they fit in columns, else as JSON
      // (which names what does not fit: text in a number cell, an unknown indicator).
      checkReports(request, reports, indicators) {
        const columns = reportsToColumns(reports, indicators);
        if (columns) return jianxi.evaluateTableAsync(request, columns);
        return jianxi.evaluateAsync({ ...request, reports: reports.map(withoutEmptyDates) });
      },
      catalog(options = {}) {
        const key = JSON.stringify(Object.entries(options).sort());
        if (!catalogs.has(key)) catalogs.set(key, jianxi.evaluateAsync({ kind: 'catalog', ...options }));
        return catalogs.get(key);
      },
    };
  });
  return loading;
}

/** The core's answer to a request object. */
export const check = async (request) => (await open()).check(request);

/** The core's answer to a summary table given as reports. */
export const checkReports = async (request, reports, indicators) =>
  (await open()).checkReports(request, reports, indicators);

/** The core's catalog: {} its index, {sections: [...]} with named sections, {policy}, or {province, as_of} with places. */
export const catalog = async (options = {}) => (await open()).catalog(options);

/** Resolves once the core is loaded (a page may start it early). */
export const ready = async () => { await open(); };
