// The wasm build's rules: the module embeds the national data and an index of the
// provinces (each province's manifest and its notices' heads: enough for `catalog` to
// list every notice and province and answer every section that names no province), and
// each province's other files (wage table, clauses, notice sources, its
// own forms, its prefectures and counties, and its notices whole, which replace the
// index's copies) become one file of their own, PROVINCES_DIR/<id>.json,
// fetched when a request first needs that province. Every JSON text is written without the
// whitespace between tokens (strings and numbers are kept byte for byte). The rules'
// content hash is the one the engine computes over all files as written (FNV-1a over
// paths and texts, in order), computed here and embedded, so `rules_version` is the
// same as natively. The module does not check the rules against rules/schema.json (the
// native build does, with jianxi --check-rules): it carries only the schema's folder map.
// The findings' message templates are compiled into the module (finding_messages.cpp),
// so its copy of findings/codes.json keeps each code's description and kinds.
//   node cmake/write_rules_bundle.mjs RULES_DIR OUTPUT PROVINCES_DIR
import { readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [rulesDir, output, provincesDir] = process.argv.slice(2);

function walk(dir, prefix = '') {
  const out = [];
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, rel));
    else if (e.name.endsWith('.json')) out.push(rel);
  }
  return out;
}
// CMake's list(SORT): byte order.
const files = walk(rulesDir).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

// Drops the whitespace outside strings; everything else stays as written.
function minify(text) {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') {
      out += c;
    }
  }
  return out;
}

// In the module: national files, and a province's manifest and notices (the index).
const provinceOf = (f) => /^provinces\/([^/]+)\//.exec(f)?.[1];
const inIndex = (f) => !provinceOf(f) || /^provinces\/[^/]+\/(province\.json|policies\/)/.test(f);
const isNotice = (f) => /^provinces\/[^/]+\/policies\//.test(f);
// A notice in the index is its head (core/src/model/policy_reading.h): what the core
// reads to list it, say how much of it is known and list its application rules before
// its province is loaded. Everything else is read only in answers about the notice, and
// those need its province, which brings the notice whole. The head's texts keep their
// shape with their words left empty, except the application rules', which the catalog's
// forms section lists for every notice; a provision not found keeps its clause, not where
// it was searched. A city notice keeps its scope, so that the catalog says where it answers.
const headKeys = ['id', 'province', 'province_zh', 'title', 'title_en', 'document', 'issued', 'effective_from',
  'effective_to', 'effective_from_confirmed', 'national_only', 'related', 'scope'];
const isUnknown = (v) => v !== null && typeof v === 'object' && 'unknown' in v;
const notFound = (section) => Object.fromEntries(Object.entries(section ?? {}).filter(([, v]) => isUnknown(v)));
const pick = (object, keys) => Object.fromEntries(keys.filter((k) => k in object).map((k) => [k, object[k]]));
function trimmed(node, emptyWords) {
  if (Array.isArray(node)) return node.map((v) => trimmed(v, emptyWords));
  if (node === null || typeof node !== 'object') return node;
  const text = typeof node.zh === 'string' && typeof node.en === 'string';
  return Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'searched' && k !== 'predecessor')
    .map(([k, v]) => [k, emptyWords && text && (k === 'zh' || k === 'en') ? '' : trimmed(v, emptyWords)]));
}
function indexCopy(small) {
  const notice = JSON.parse(small);
  const head = trimmed({
    ...pick(notice, headKeys),
    ...notFound(notice),
    subsidy: { position: pick(notice.subsidy.position, ['rates', 'amounts']), ...notFound(notice.subsidy) },
    eligibility: { ...pick(notice.eligibility, ['national_basis']), ...notFound(notice.eligibility) },
  }, true);
  if (notice.application) head.application = trimmed(notice.application, false);
  if (notice.scope) head.scope.names = notice.scope.divisions.map(divisionNames);
  return JSON.stringify(head);
}

// A division's full names, as the core writes them (Divisions::full_name, full_name_en),
// for a city notice's scope in the index: its province's divisions are not loaded yet.
const divisionRows = new Map();
const isGrouping = (name) => name === '市辖区' || name === '县' || name.endsWith('直辖县级行政区划');
function divisionNames(code) {
  const row = divisionRows.get(code);
  if (!row) throw new Error(`scope: no division ${code}`);
  const province = divisionRows.get(`${code.slice(0, 2)}0000`);
  const prefecture = code.endsWith('00') ? null : divisionRows.get(`${code.slice(0, 4)}00`);
  const chain = [province, prefecture && !isGrouping(prefecture[1]) ? prefecture : null, row].filter(Boolean);
  const unique = chain.filter((r, i) => chain.indexOf(r) === i);  // a province's own scope names it once
  const zh = unique.map((r) => r[1]).join('');
  const english = (r) => (r[2] && r[2] !== 'zone' ? r[2] : null);  // [code, name, English | "zone"]
  const en = unique.every(english) ? [...unique].reverse().map(english).join(', ') : zh;
  return { zh, en };
}

function writeIfChanged(path, body) {
  if (existsSync(path) && readFileSync(path, 'utf8') === body) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, body);
  renameSync(`${path}.tmp`, path);
}

// A province's prefectures and counties (and their short names) go to its own file, as
// provinces/<id>/divisions.json; the module keeps the provinces, and under `place_names`
// each province's place names (current, short and former), which is what lets the core
// tell that a request's place lies in a province not loaded yet and ask for it.
const DIVISIONS = 'divisions/cn.json';
const provinceIdByPrefix = new Map();
for (const f of files) {
  const m = /^provinces\/([^/]+)\/province\.json$/.exec(f);
  if (m) provinceIdByPrefix.set(JSON.parse(readFileSync(join(rulesDir, f), 'utf8')).division.slice(0, 2), m[1]);
}
const ownDivisions = new Map();  // province id → its part of cn.json
let nationalDivisions = null;
if (files.includes(DIVISIONS)) {
  const table = JSON.parse(readFileSync(join(rulesDir, DIVISIONS), 'utf8'));
  for (const row of [...table.provinces, ...table.divisions]) divisionRows.set(row[0], row);
  const kept = { dataset: table.dataset, provinces: table.provinces, divisions: [], short_names: [], place_names: {} };
  const partOf = (code) => {
    const id = provinceIdByPrefix.get(code.slice(0, 2));
    if (!id) return null;
    if (!ownDivisions.has(id)) ownDivisions.set(id, { divisions: [], short_names: [] });
    kept.place_names[id] ??= [];
    return ownDivisions.get(id);
  };
  for (const row of table.divisions) {
    const own = partOf(row[0]);
    if (own) { own.divisions.push(row); kept.place_names[provinceIdByPrefix.get(row[0].slice(0, 2))].push(row[1]); }
    else kept.divisions.push(row);
  }
  for (const row of table.short_names) {
    const own = partOf(row[0]);
    if (own) { own.short_names.push(row); kept.place_names[provinceIdByPrefix.get(row[0].slice(0, 2))].push(row[1]); }
    else kept.short_names.push(row);
  }
  if (files.includes('divisions/renamed.json'))
    for (const r of JSON.parse(readFileSync(join(rulesDir, 'divisions/renamed.json'), 'utf8')).renamed)
      if (partOf(r.code)) kept.place_names[provinceIdByPrefix.get(r.code.slice(0, 2))].push(r.name);
  nationalDivisions = JSON.stringify(kept);
}

const CODES = 'findings/codes.json';
function withoutTemplates(text) {
  const codes = JSON.parse(text);
  for (const list of ['findings', 'reasons', 'texts'])
    for (const code of codes[list] ?? []) { delete code.message; delete code.messages; }
  return JSON.stringify(codes);
}

let hash = 1469598103934665603n;
const mask = (1n << 64n) - 1n;
let body = '// Generated from rules/ by cmake/write_rules_bundle.mjs (national data and the provinces\n' +
  '// index; whitespace between JSON tokens removed). Do not edit.\n#include "jianxi/rule_source.h"\n\n' +
  'namespace jianxi {\nconst std::vector<RuleText>& embedded_rules() {\n  static const std::vector<RuleText> rules = {\n';
const provinces = new Map();  // id → {path: document}, in path order
for (const f of files) {
  const bytes = readFileSync(join(rulesDir, f));
  for (const part of [Buffer.from(f), bytes]) for (const c of part) hash = ((hash ^ BigInt(c)) * 1099511628211n) & mask;
  const text = bytes.toString('utf8');
  // The schema is checked at build time by the native `jianxi --check-rules`; the module
  // needs only its map of folders to definitions.
  const small = f === 'schema.json' ? JSON.stringify({ 'x-folders': JSON.parse(text)['x-folders'], $defs: {} }) : minify(text);
  if (f === CODES) {
    body += `    {"${f}", R"jianxi_rule(${withoutTemplates(text)})jianxi_rule"},\n`;
    continue;
  }
  if (f === DIVISIONS) {
    body += `    {"${f}", R"jianxi_rule(${nationalDivisions})jianxi_rule"},\n`;
    continue;
  }
  if (f !== 'schema.json' && JSON.stringify(JSON.parse(small)) !== JSON.stringify(JSON.parse(text))) throw new Error(`${f}: minified text reads differently`);
  const province = provinceOf(f);
  if (province && !provinces.has(province)) {
    provinces.set(province, []);
    if (ownDivisions.has(province))
      provinces.get(province).push(`${JSON.stringify(`provinces/${province}/divisions.json`)}:${JSON.stringify(ownDivisions.get(province))}`);
  }
  if (!inIndex(f) || isNotice(f)) provinces.get(province).push(`${JSON.stringify(f)}:${small}`);
  if (!inIndex(f)) continue;
  const indexed = isNotice(f) ? indexCopy(small) : small;
  if (indexed.includes(')jianxi_rule"')) throw new Error(`${f}: holds the raw string's delimiter`);
  body += `    {"${f}", R"jianxi_rule(${indexed})jianxi_rule"},\n`;
}
body += '  };\n  return rules;\n}\n\n';
body += `const char* embedded_rules_version() { return "${hash.toString(16).padStart(16, '0')}"; }\n\n`;
body += 'const std::vector<std::string>& separately_delivered_provinces() {\n  static const std::vector<std::string> ids = {';
body += [...provinces.keys()].map((id) => JSON.stringify(id)).join(', ');
body += '};\n  return ids;\n}\n\n}  // namespace jianxi\n';
writeIfChanged(output, body);

// {"province": id, "files": {path: document, …}}: read by read_province_file() in the core.
for (const [id, entries] of provinces) {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new Error(`provinces/${id}: a folder name must be a lower-case id`);
  writeIfChanged(join(provincesDir, `${id}.json`), `{"province":${JSON.stringify(id)},"files":{${entries.join(',')}}}`);
}
