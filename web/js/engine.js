// Loads the rule core once per page through the module's public JS API. Everything a
// page shows about the rules (notices, names, templates, forms, places) comes from the
// core's `catalog` answer; the pages hold no copy of the rules.
import { loadJianxi } from '../jianxi.js';
import { learnNotices } from './plain.js';

let loading;
export function engine() {
  loading ??= loadJianxi();
  return loading;
}

const catalogs = new Map();

/**
 * The core's catalog, memoised per options: {} for the whole catalog, {policy} for
 * one notice (with its clauses), {province, as_of} to add that province's places.
 */
export async function catalog(options = {}) {
  const key = JSON.stringify(Object.keys(options).sort().map((k) => [k, options[k]]));
  if (!catalogs.has(key)) {
    catalogs.set(key, engine().then((jianxi) => {
      const answer = jianxi.evaluate({ kind: 'catalog', ...options });
      if (!Object.keys(options).length) learnNotices(answer.policies, answer.provinces);
      return answer;
    }));
  }
  return catalogs.get(key);
}

/** The notices the core knows, for the policy and province choosers. */
export async function policies() {
  return (await catalog()).policies;
}

/** Marks the moment the first engine result is on the page (read by bench/cold_start.mjs). */
export function markFirstResult() {
  if (!performance.getEntriesByName('jianxi:first-result').length) performance.mark('jianxi:first-result');
}
