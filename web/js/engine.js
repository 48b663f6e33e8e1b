// Loads the rule core once per page through the module's public JS API. Everything a
// page shows about the rules (notices, names, templates, forms, places) comes from the
// core's `catalog` answer; the pages hold no copy of the rules.
// Each province's rules are fetched the first time a request needs them. The pages'
// synchronous calls answer at once; when the core says a province is not loaded yet
// (rules.not_loaded), it is fetched and the page is told to ask again (onRulesLoaded).
import { loadJianxi } from '../jianxi.js';
import { learnNotices } from './plain.js';

let loading;
let index;  // the whole catalog, as the module answers it before any province is loaded
const pending = new Set();
const listeners = new Set();

/** Calls `listener(ids)` whenever provinces' rules arrive after a page asked for them. */
export function onRulesLoaded(listener) {
  listeners.add(listener);
}

function notLoadedIn(text) {
  if (!text.includes('"rules.not_loaded"')) return [];
  const answer = JSON.parse(text);
  return [...new Set((Array.isArray(answer) ? answer : [answer]).flatMap((a) => a?.not_loaded ?? []))];
}

// Fetches what an answer says is missing, then lets the page ask again.
function fetchMissing(jianxi, text) {
  const missing = notLoadedIn(text).filter((id) => !pending.has(id));
  if (!missing.length) return;
  for (const id of missing) pending.add(id);
  Promise.all(missing.map((id) => jianxi.loadProvince(id))).then((loads) => {
    for (const id of missing) pending.delete(id);
    const loaded = loads.filter((l) => l.ok).map((l) => l.province);
    if (loaded.length) for (const listener of listeners) listener(loaded);
  });
}

// Tells the page (the "ready offline" line, sw-register.js) which provinces' rules are
// on this device, by name.
function announceProvinces(jianxi) {
  const loaded = new Set(jianxi.provinces().filter((p) => p.loaded).map((p) => p.id));
  const detail = index.provinces.filter((p) => loaded.has(p.id)).map(({ id, name, name_en }) => ({ id, name, name_en }));
  document.dispatchEvent(new CustomEvent('jianxi:provinces-loaded', { detail }));
}

// Provinces the page's kept inputs or its address name: fetched before the page first
// asks, so that a returning visitor sees no wait.
function namedProvinces(provinces) {
  const byPolicy = new Map(provinces.flatMap((p) => p.policies.map((policy) => [policy, p.id])));
  const ids = new Set(provinces.map((p) => p.id));
  const found = new Set();
  const visit = (value) => {
    if (typeof value === 'string') {
      if (ids.has(value)) found.add(value);
      if (byPolicy.has(value)) found.add(byPolicy.get(value));
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  for (const value of new URLSearchParams(location.search).values()) visit(value);
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key.startsWith('jianxi.inputs.')) visit(JSON.parse(localStorage.getItem(key)));
    }
  } catch {
    // Storage disabled or unreadable: nothing to fetch ahead.
  }
  return [...found];
}

async function start() {
  // Whichever call loads a province (this page's, or an embedded form's on the same core).
  let jianxi;
  const announce = () => { if (index) announceProvinces(jianxi); };
  jianxi = await loadJianxi({ onProvinceLoaded: announce });
  // Before the first request, so that the core reads its rules once.
  await Promise.all(namedProvinces(jianxi.provinces()).map((id) => jianxi.loadProvince(id)));
  index = jianxi.evaluate({ kind: 'catalog' });
  announceProvinces(jianxi);
  const watched = (ask) => (...args) => {
    const text = ask(...args);
    fetchMissing(jianxi, text);
    return text;
  };
  const evaluateText = watched(jianxi.evaluateText);
  const evaluateTableText = watched(jianxi.evaluateTableText);
  return {
    ...jianxi,
    evaluateText,
    evaluate: (request) => JSON.parse(evaluateText(JSON.stringify(request))),
    evaluateTableText,
    evaluateTable: (request, columns) => JSON.parse(evaluateTableText(request, columns)),
  };
}

export function engine() {
  loading ??= start();
  return loading;
}

const catalogs = new Map();

/**
 * The core's catalog, memoised per options: {} for its index (kinds, provinces with
 * their notice count and known level), {sections: [...]} to add named sections (policies:
 * every notice's head; vocabulary, templates, forms, findings), {policy} for one notice with
 * its provisions and clauses, {province} for that province's notices (with sections:
 * ['provisions'] their provisions), with as_of also its places (fetching the province's
 * rules first when needed).
 */
export async function catalog(options = {}) {
  const key = JSON.stringify(Object.keys(options).sort().map((k) => [k, options[k]]));
  if (!catalogs.has(key)) {
    catalogs.set(key, engine().then(async (jianxi) => {
      const answer = await jianxi.evaluateAsync({ kind: 'catalog', ...options });
      if (!options.policy && !options.province && answer.ok && answer.policies) learnNotices(answer.policies, answer.provinces);
      return answer;
    }));
  }
  return catalogs.get(key);
}

/** One notice with its provisions, official channel and what of it is not known; undefined for none. */
export async function notice(id) {
  if (!id) return undefined;
  return (await catalog({ policy: id, sections: ['provisions'] })).policies?.[0];
}

/** The notices the core knows, for the policy and province choosers. */
export async function policies() {
  return (await catalog({ sections: ['policies'] })).policies;
}

/**
 * Marks the moment the first engine result is on the page (read by bench/cold_start.mjs);
 * not while a province the page asked for is still on its way.
 */
export function markFirstResult() {
  if (pending.size) return;
  if (!performance.getEntriesByName('jianxi:first-result').length) performance.mark('jianxi:first-result');
}
