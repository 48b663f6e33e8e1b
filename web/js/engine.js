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
