// The wasm build's rules bundle: like cmake/write_rules_bundle.cmake, but each file's
// JSON is embedded without the whitespace between tokens (strings and numbers are kept
// byte for byte), which makes the module smaller. The rules' content hash is the one
// the engine computes over the files as written (FNV-1a over paths and texts, in
// order), computed here and embedded, so `rules_version` is the same as natively.
//   node cmake/write_rules_bundle.mjs RULES_DIR OUTPUT
import { readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [rulesDir, output] = process.argv.slice(2);

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

let hash = 1469598103934665603n;
const mask = (1n << 64n) - 1n;
let body = '// Generated from rules/ by cmake/write_rules_bundle.mjs (whitespace between JSON tokens\n' +
  '// removed). Do not edit.\n#include "jianxi/rule_source.h"\n\nnamespace jianxi {\n' +
  'const std::vector<RuleText>& embedded_rules() {\n  static const std::vector<RuleText> rules = {\n';
for (const f of files) {
  const bytes = readFileSync(join(rulesDir, f));
  for (const part of [Buffer.from(f), bytes]) for (const c of part) hash = ((hash ^ BigInt(c)) * 1099511628211n) & mask;
  const text = bytes.toString('utf8');
  const small = minify(text);
  if (JSON.stringify(JSON.parse(small)) !== JSON.stringify(JSON.parse(text))) throw new Error(`${f}: minified text reads differently`);
  if (small.includes(')jianxi_rule"')) throw new Error(`${f}: holds the raw string's delimiter`);
  body += `    {"${f}", R"jianxi_rule(${small})jianxi_rule"},\n`;
}
body += '  };\n  return rules;\n}\n\n';
body += `const char* embedded_rules_version() { return "${hash.toString(16).padStart(16, '0')}"; }\n\n}  // namespace jianxi\n`;
if (!existsSync(output) || readFileSync(output, 'utf8') !== body) {
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(`${output}.tmp`, body);
  renameSync(`${output}.tmp`, output);
}
