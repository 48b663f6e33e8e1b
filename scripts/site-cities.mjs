// Writes the cities and counties each province's minimum-wage table knows, so the
// estimate page can offer them as suggestions: {"jiangxi": ["南昌市", ...], ...}.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, target] = process.argv.slice(2);
const cities = {};
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
  const table = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const names = new Set((table.areas ?? []).flatMap((a) => Object.keys(a.map ?? {})));
  cities[table.province] = [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
writeFileSync(target, `${JSON.stringify(cities)}\n`);
