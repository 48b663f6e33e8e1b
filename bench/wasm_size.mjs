// Module size: the .wasm raw and gzip -9, its code and data sections alone (the data:
// national rules and the provinces' index), each province's rules file beside it
// (provinces/<id>.json, fetched when needed), and (for a build linked with
// --profiling-funcs) the functions by size grouped by origin.
//   node bench/wasm_size.mjs [build/wasm/jianxi_module.wasm] [--functions N]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) || 'build/wasm/jianxi_module.wasm';
const top = args.includes('--functions') ? Number(args[args.indexOf('--functions') + 1] || 40) : 0;
const bytes = readFileSync(file);
const gz = (b) => gzipSync(b, { level: 9 }).length;

let p = 8;
function leb() {
  let result = 0, shift = 0, b;
  do { b = bytes[p++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return result;
}
const sections = [];
let imports = 0;
while (p < bytes.length) {
  const id = bytes[p++];
  const size = leb();
  const start = p;
  let name = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'][id] || `s${id}`;
  if (id === 0) { const n = leb(); name = 'custom:' + bytes.subarray(p, p + n).toString(); }
  if (id === 2) { const n = leb(); for (let i = 0; i < n; i++) { for (let k = 0; k < 2; k++) { const l = leb(); p += l; } const kind = bytes[p++]; if (kind === 0) { imports++; leb(); } else if (kind === 1) { p++; const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) { p += 2; } else if (kind === 4) { p++; leb(); } } }
  sections.push({ id, name, start, size });
  p = start + size;
}
const sec = (n) => sections.find((s) => s.name === n);
const body = (s) => (s ? bytes.subarray(s.start, s.start + s.size) : Buffer.alloc(0));
const code = sec('code'), data = sec('data');
const out = {
  file, raw: bytes.length, gzip: gz(bytes),
  code_raw: code?.size || 0, code_gzip: gz(body(code)),
  data_raw: data?.size || 0, data_gzip: gz(body(data)),
};
const provincesDir = join(dirname(file), 'provinces');
if (existsSync(provincesDir)) {
  const sizes = readdirSync(provincesDir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => { const b = readFileSync(join(provincesDir, f)); return { id: f.slice(0, -5), raw: b.length, gzip: gz(b) }; });
  const gzips = sizes.map((s) => s.gzip).sort((a, b) => a - b);
  out.province_gzip_median = gzips[Math.floor(gzips.length / 2)] ?? 0;
  out.province_gzip_max = gzips[gzips.length - 1] ?? 0;
  out.provinces = Object.fromEntries(sizes.map((s) => [s.id, s.gzip]));
}
console.log(JSON.stringify(out));

if (top) {
  // Function bodies' sizes from the code section, names from the name section.
  const bodies = [];
  p = code.start; const count = leb();
  for (let i = 0; i < count; i++) { const size = leb(); bodies.push(size); p += size; }
  const names = new Map();
  const ns = sec('custom:name');
  if (ns) {
    p = ns.start; const n = leb(); p += n;
    while (p < ns.start + ns.size) {
      const sub = bytes[p++]; const len = leb(); const end = p + len;
      if (sub === 1) { const c = leb(); for (let i = 0; i < c; i++) { const idx = leb(); const l = leb(); names.set(idx, bytes.subarray(p, p + l).toString()); p += l; } }
      p = end;
    }
  }
  const fns = bodies.map((size, i) => ({ size, name: names.get(i + imports) || `f${i + imports}` }));
  // The function's own qualified name: what precedes its parameter list (templates and
  // parameters name other libraries' types, which says nothing about where the code is from).
  const own = (n) => {
    let depth = 0;
    for (let i = 0; i < n.length; i++) {
      const c = n[i];
      if (c === '<') depth++; else if (c === '>') depth--;
      else if (c === '(' && depth === 0 && i > 0 && !n.startsWith('(anonymous', i)) return n.slice(0, i).replace(/<.*>/g, '<>');
    }
    return n.replace(/<.*>/g, '<>');
  };
  const origin = (full) => {
    const n = own(full);
    if (/nlohmann/.test(n)) return 'nlohmann';
    if (/boost/.test(n)) return 'boost';
    if (/emscripten|embind|_EmVal|BindingType|\bval\b/.test(n)) return 'embind';
    if (/locale|ctype|num_put|num_get|ios_base|basic_ios|ostream|istream|streambuf|stringbuf|facet|codecvt|moneypunct|money_|time_put|time_get|messages|collate|numpunct/.test(n)) return 'libc++ iostream/locale';
    if (/jianxi|^\(anonymous namespace\)::evaluate/.test(n)) return 'jianxi core + bindings';
    if (/^std::|^void std::|std::__2/.test(n)) return 'libc++ other';
    if (/^(dlmalloc|dlfree|emmalloc|malloc|free|realloc|memcpy|memset|memmove|strlen|printf|vfprintf|fmt_fp|snprintf|__|pop_arg|strto|sbrk)/.test(n)) return 'libc';
    return 'other';
  };
  const groups = {};
  for (const f of fns) { const g = origin(f.name); groups[g] ??= { n: 0, bytes: 0 }; groups[g].n++; groups[g].bytes += f.size; }
  console.log('\norigin | functions | bytes');
  for (const [g, v] of Object.entries(groups).sort((a, b) => b[1].bytes - a[1].bytes)) console.log(`${g} | ${v.n} | ${v.bytes}`);
  console.log(`\nlargest ${top}:`);
  for (const f of [...fns].sort((a, b) => b.size - a.size).slice(0, top)) console.log(`${f.size}\t${f.name.slice(0, 200)}`);
}
