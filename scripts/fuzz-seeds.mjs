// Writes every case file's request as a seed file for the fuzzers.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
mkdirSync(out, { recursive: true });
const walk = (dir) => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : n.endsWith('.json') ? [p] : [];
});
let n = 0;
for (const file of walk('tests/cases')) {
  const c = JSON.parse(readFileSync(file, 'utf8'));
  const text = typeof c.request === 'string' ? c.request : JSON.stringify(c.request);
  writeFileSync(join(out, `seed-${String(n++).padStart(4, '0')}.json`), text);
}
console.log(`${n} seeds in ${out}`);
