// Coverage of the estimate by place and date, as a new user meets it:
//   node bench/coverage.mjs        (after scripts/build.sh; writes build/bench/coverage.json)
// For every notice, every prefecture and county of its province (from the core's
// catalog) and every quarter in which the notice is in force up to today, one
// six-month internship asked by the place's name alone. Reports how many compute and,
// for the others, the first error code with examples: only missing published figures
// (min_wage.unconfirmed, min_wage.tier_unknown) should remain.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const build = join(root, process.env.JIANXI_BUILD_ROOT || 'build');
const cli = join(build, 'native/jianxi');
const ask = (request) => JSON.parse(execFileSync(cli, { input: JSON.stringify(request), maxBuffer: 1 << 30 }).toString());

const today = new Date().toISOString().slice(0, 10);
const catalog = ask({ kind: 'catalog', sections: ['policies'] });

function quarters(from, to) {
  const out = [];
  let [y, m] = from.split('-').map(Number);
  m = Math.floor((m - 1) / 3) * 3 + 1;
  for (;;) {
    const day = `${y}-${String(m).padStart(2, '0')}-01`;
    if (day > to) return out;
    if (day >= from.slice(0, 8) + '01') out.push(day);
    m += 3;
    if (m > 12) { m -= 12; y += 1; }
  }
}

function sixMonthsFrom(start) {
  const [y, m] = start.split('-').map(Number);
  const end = new Date(Date.UTC(y, m - 1 + 6, 0));
  return end.toISOString().slice(0, 10);
}

const rows = [];
for (const policy of catalog.policies) {
  const to = policy.effective_to && policy.effective_to < today ? policy.effective_to : today;
  const places = ask({ kind: 'catalog', province: policy.province, as_of: policy.effective_from }).places
    .filter((p) => p.level !== 'named_area' && !p.zone);
  const requests = [];
  for (const start of quarters(policy.effective_from, to))
    for (const place of places)
      requests.push({
        kind: 'subsidy', policy: policy.id, place: place.name, base_rate: 0.6,
        trainees: [{ category: 'college_graduate', start, end: sixMonthsFrom(start) }],
      });
  const answers = ask(requests);
  answers.forEach((a, i) => rows.push({ policy: policy.id, place: requests[i].place, start: requests[i].trainees[0].start, ok: a.ok, code: a.errors[0]?.code, message: a.errors[0]?.message }));
}

const byCode = {};
for (const r of rows.filter((r) => !r.ok)) {
  byCode[r.code] ??= { count: 0, examples: [] };
  byCode[r.code].count += 1;
  if (byCode[r.code].examples.length < 3) byCode[r.code].examples.push(`${r.policy} ${r.place} ${r.start}: ${r.message}`);
}
const computed = rows.filter((r) => r.ok).length;
const summary = { today, estimates: rows.length, computed, share: computed / rows.length, not_computed: byCode };
mkdirSync(join(build, 'bench'), { recursive: true });
writeFileSync(join(build, 'bench/coverage.json'), JSON.stringify({ summary, rows }, null, 1));
console.log(`${computed} of ${rows.length} estimates compute (${(100 * computed / rows.length).toFixed(1)}%)`);
for (const [code, { count, examples }] of Object.entries(byCode).sort((a, b) => b[1].count - a[1].count)) {
  console.log(`  ${code}: ${count}`);
  for (const e of examples) console.log(`    ${e}`);
}
