// What each of the 31 provinces answers, as an employer and a graduate meet it today:
//   node bench/provinces.mjs        (after the native build; prints a Markdown table)
// Employer: three college graduates in the capital (and a second city) from the first of
// next month for six months, each paid 3000 yuan a month by the unit (read only by a notice that
// caps its subsidy at the pay given, 广州 and 深圳), the notice chosen by the core from province,
// place and date.
// Graduate: a college graduate who left school a year ago, checked today.
// Each answer is classed by what it says itself: computed in full, computed with
// unknowns listed, or cannot compute (its first error, as the user reads it).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const cli = join(root, process.env.JIANXI_BUILD_ROOT || 'build', 'native/jianxi');
const ask = (requests) =>
  JSON.parse(execFileSync(cli, { input: JSON.stringify(requests), maxBuffer: 1 << 30 }).toString());

// The places asked for: each province's capital and one other city, as people write them.
// Request inputs only; the notices and figures come from the core.
const PLACES = {
  110000: ['北京市东城区', '北京市海淀区'], 120000: ['天津市和平区', '天津市滨海新区'],
  130000: ['石家庄市', '唐山市'], 140000: ['太原市', '大同市'], 150000: ['呼和浩特市', '包头市'],
  210000: ['沈阳市和平区', '大连市'], 220000: ['长春市', '吉林市'], 230000: ['哈尔滨市', '大庆市'],
  310000: ['上海市黄浦区', '上海市浦东新区'], 320000: ['南京市', '苏州市'], 330000: ['杭州市', '宁波市'],
  340000: ['合肥市', '芜湖市'], 350000: ['福州市鼓楼区', '厦门市思明区'], 360000: ['南昌市', '赣州市'],
  370000: ['济南市', '青岛市'], 410000: ['郑州市', '洛阳市'], 420000: ['武汉市', '宜昌市'],
  430000: ['长沙市', '株洲市'], 440000: ['广州市', '深圳市'], 450000: ['南宁市', '柳州市'],
  460000: ['海口市', '三亚市'], 500000: ['重庆市渝中区', '重庆市万州区'], 510000: ['成都市', '绵阳市'],
  520000: ['贵阳市', '遵义市'], 530000: ['昆明市五华区', '曲靖市'], 540000: ['拉萨市', '日喀则市'],
  610000: ['西安市', '宝鸡市'], 620000: ['兰州市', '天水市'], 630000: ['西宁市', '海东市'],
  640000: ['银川市', '石嘴山市'], 650000: ['乌鲁木齐市', '克拉玛依市'],
};

const iso = (d) => d.toISOString().slice(0, 10);
const now = new Date();
const today = iso(now);
const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 6, 0));
const leftSchool = iso(new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), 1)));

const catalog = ask({ kind: 'catalog' });
const byCode = new Map(catalog.provinces.map((p) => [p.code, p]));
// The first sentence of a finding is its reason; the rest is advice the user reads in the page.
const oneLine = (s) => String(s).replace(/\s+/g, ' ').replace(/\|/g, '/').split(/(?<=[.;:])\s/)[0];

function subsidyClass(r) {
  if (!r.ok) return `cannot compute: ${oneLine(r.errors[0]?.message_en ?? 'no answer')}`;
  const unknown = (r.unknown ?? []).map((u) => u.item);
  const total = `${r.total} yuan`;
  return unknown.length ? `computed with unknowns (${total}; unknown: ${[...new Set(unknown)].join(', ')})` : `computed in full (${total})`;
}

function eligibilityClass(r) {
  if (!r.ok) return `cannot answer: ${oneLine(r.errors[0]?.message_en ?? 'no answer')}`;
  const national = r.warnings.some((w) => w.code === 'eligibility.national_basis');
  return `${r.eligible ? 'eligible' : 'not eligible'} (${national ? 'national framework' : 'provincial text'})`;
}

const caveats = (r) => r.warnings.filter((w) => w.code === 'policy.past_latest_evidence').length ? 'past latest evidence' : '';

const rows = [];
const counts = { full: 0, unknowns: 0, cannot: 0, capitalFigure: 0, basis: 0 };
for (const code of Object.keys(PLACES).sort()) {
  const province = byCode.get(code);
  const [capital, second] = PLACES[code];
  const trainees = [0, 1, 2].map(() => ({ category: 'college_graduate', start: iso(start), end: iso(end), monthly_pay: 3000 }));
  const id = province?.id ?? code;
  const [a, b, e] = province
    ? ask([
        { kind: 'subsidy', province: id, place: capital, trainees },
        { kind: 'subsidy', province: id, place: second, trainees },
        { kind: 'eligibility', province: id, as_of: today, birth_date: '2003-05-01', education: 'college', graduated_on: leftSchool },
      ])
    : [{ ok: false, errors: [{ message_en: 'no folder for this province in rules/' }], warnings: [] }, { ok: false, errors: [{ message_en: 'no folder for this province in rules/' }], warnings: [] }, { ok: false, errors: [{ message_en: 'no folder for this province in rules/' }], warnings: [] }];
  const cls = subsidyClass(a);
  if (cls.startsWith('computed in full')) counts.full++;
  else if (cls.startsWith('computed with')) counts.unknowns++;
  else counts.cannot++;
  if (a.ok) counts.capitalFigure++;
  // "No notice in force" names the notice that ran out: a basis too (湖南 after 2026-07-24).
  const noneInForce = [a, e].some((r) => (r.errors ?? []).some((f) => f.code === 'policy.none_in_force'));
  if (a.policy || e.policy || noneInForce) counts.basis++;
  rows.push(`| ${province?.name ?? code} | ${a.policy ?? e.policy ?? '—'} | ${capital}: ${subsidyClass(a)} | ${second}: ${subsidyClass(b)} | ${eligibilityClass(e)} | ${[caveats(a), caveats(e)].filter(Boolean)[0] ?? ''} |`);
}

console.log(`Run ${today}: three college graduates ${iso(start)} to ${iso(end)}; a graduate who left school on ${leftSchool}, checked today.\n`);
console.log('| province | notice used | capital | second city | graduate today | currency |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log(`\nCapital: computed in full ${counts.full}, with unknowns ${counts.unknowns}, cannot compute ${counts.cannot}; a figure for the capital in ${counts.capitalFigure} of 31; an answer naming its basis (the notice used, or the one that ran out) in ${counts.basis} of 31.`);
