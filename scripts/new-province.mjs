// Scaffolds a province's folder, so that adding a province is this one command and
// then filling in data:
//
//   node scripts/new-province.mjs <id> <division code> <name zh> <name en>
//   e.g. node scripts/new-province.mjs guangdong 440000 广东 Guangdong
//
// Writes rules/provinces/<id>/: province.json (its names and division code, its full
// name from rules/divisions/cn.json), minimum-wage.json with no adjustment and a stated
// "none found", notices/sources.json stating that no notice was found yet, and a case
// in tests/cases/catalog/ asking for the province's places. Then regenerates
// rules/divisions/cn.json, which lists the prefectures and counties of every folder.
// Nothing else names a province: the core learns it from the folder.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [id, division, zh, en] = process.argv.slice(2);
const fail = (message) => {
  console.error(`new-province: ${message}`);
  console.error('usage: node scripts/new-province.mjs <id> <division code> <name zh> <name en>');
  process.exit(2);
};
if (!id || !/^[a-z][a-z0-9-]*$/.test(id)) fail('the id is the folder name: lower-case letters, digits and -');
if (!division || !/^\d{2}0000$/.test(division)) fail('the division code is a province code such as 440000');
if (!zh || !en) fail('give the name as people write it, in Chinese and in English');

const folder = join(root, 'rules', 'provinces', id);
if (existsSync(folder)) fail(`${folder} exists already`);
const divisions = JSON.parse(readFileSync(join(root, 'rules', 'divisions', 'cn.json'), 'utf8'));
const fullName = divisions.provinces.find(([code]) => code === division)?.[1];
if (!fullName) fail(`${division} is not a province code of rules/divisions/cn.json`);

const write = (path, value) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 1)}\n`);
  console.log(`wrote ${path.slice(root.length + 1)}`);
};

write(join(folder, 'province.json'), { id, name: { zh, en }, full_name: fullName, division });
write(join(folder, 'minimum-wage.json'), {
  province: id,
  province_zh: zh,
  description: `Monthly minimum wage (月最低工资标准) of ${en} by tier, CNY per month, and the place → tier lists.`,
  source: '',
  none_found: {
    zh: `尚未收录${zh}的月最低工资标准：计算时请填写当地最低工资。`,
    en: `${en}'s monthly minimum wage is not recorded yet: give the local minimum wage to compute.`,
  },
  adjustments: [],
  areas: [],
});
write(join(folder, 'notices', 'sources.json'), {
  none_found: {
    zh: `尚未找到${zh}的就业见习通知。`,
    en: `No employment-internship notice of ${en} has been found yet.`,
    searched: '',
  },
});
// A case that fails until the province computes: its places are listed with the core.
const casePath = join(root, 'tests', 'cases', 'catalog', `${id}-places.json`);
write(casePath, {
  name: `places of ${id}`,
  description: `The catalog lists ${zh}'s places from the divisions (rules/divisions/cn.json); with no wage table yet, none has a tier.`,
  request: { kind: 'catalog', province: id, as_of: new Date().toISOString().slice(0, 10) },
  expect: { kind: 'catalog', ok: true, errors: [] },
});
try {
  execFileSync(process.execPath, [join(root, 'scripts', 'gen-divisions.mjs')], { stdio: 'inherit' });
} catch {
  // The divisions could not list the province: take the folder and case back, so that
  // the rules stay as they were.
  rmSync(folder, { recursive: true, force: true });
  rmSync(casePath, { force: true });
  fail('scripts/gen-divisions.mjs failed (above); nothing was added');
}
console.log(`Next: fill ${folder.slice(root.length + 1)}/ (policies/, clauses/, notices/, minimum-wage.json; rules/README.md), then build.`);
