// Loads the rule core once per page through the module's public JS API.
import { loadJianxi } from '../jianxi.js';

let loading;
export function engine() {
  loading ??= loadJianxi();
  return loading;
}

/** The notices the core knows, for the policy and province choosers. */
export async function policies() {
  const jianxi = await engine();
  return jianxi.evaluate({ kind: 'policies' }).policies;
}

/** Marks the moment the first engine result is on the page (read by bench/cold_start.mjs). */
export function markFirstResult() {
  if (!performance.getEntriesByName('jianxi:first-result').length) performance.mark('jianxi:first-result');
}
