// Writes $site/place-pinyin.json: for every place name the core's catalog lists (each
// province, on each date a notice of it starts and today), its pinyin and initials,
// so that the place picker finds 长沙市 by "changsha" or "css". The names come from the
// core (the native CLI), the readings from pinyin-pro, word by word so that a
// character read two ways is read as in the name. The page still learns its places
// from the catalog; this file only adds the words they are found by.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [site, cliPath] = process.argv.slice(2);
let pinyin;
try {
  ({ pinyin } = await import('pinyin-pro'));
} catch {
  console.warn('place-pinyin: pinyin-pro is not installed (npm ci): places are found by their Chinese names only');
  process.exit(0);
}
if (!existsSync(cliPath)) {
  console.warn(`place-pinyin: no native CLI at ${cliPath} (build it first): places are found by their Chinese names only`);
  process.exit(0);
}
const ask = (request) => JSON.parse(execFileSync(cliPath, { input: JSON.stringify(request), maxBuffer: 1 << 28 }).toString());
const catalog = ask({ kind: 'catalog', sections: ['policies'] });
const today = new Date().toISOString().slice(0, 10);
const names = new Set();
for (const province of catalog.provinces ?? []) {
  const dates = new Set([today, ...(catalog.policies ?? []).filter((p) => p.province === province.id).map((p) => p.effective_from)]);
  for (const asOf of dates) for (const place of ask({ kind: 'catalog', province: province.id, as_of: asOf }).places ?? []) names.add(place.name);
}
const readings = {};
for (const name of [...names].sort()) {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  readings[name] = [syllables.join(''), syllables.map((s) => s[0]).join('')];
}
writeFileSync(join(site, 'place-pinyin.json'), JSON.stringify(readings));
console.log(`place pinyin: ${names.size} names`);
