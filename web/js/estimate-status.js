// What the estimate's headline may say: whether the answer gives a figure at all, the
// reason beside it when it does not, and an honest status when it does (what is left
// out, what rests on figures not confirmed). A refused answer is stripped of every
// amount before anything is drawn, whatever the core sent beside its errors.
import { msg, withLanguage } from './i18n.js';
import { nameIn } from './format.js';
import { RESEARCH } from './plain.js';

const FIGURES = ['total', 'by_item', 'by_payee', 'lines', 'sums', 'eligible', 'retention', 'min_wage_sources'];

/** The answer without any amount, for drawing a refusal. */
export function withoutFigures(answer) {
  const copy = { ...answer };
  for (const key of FIGURES) delete copy[key];
  return copy;
}

/** The reason, [zh, en], why no figure is shown; null when the answer gives one. */
export function refusalOf(answer, { pending = [] } = {}) {
  const errors = answer.errors ?? [];
  const first = errors.find((f) => !pending.includes(f));
  if (first) {
    const more = errors.length - 1;
    return both(first, more);
  }
  if (pending.length) return ['填好所需信息后显示测算结果。', 'The estimate appears once what is needed is filled in.'];
  if (!answer.ok || answer.total == null) return ['无法计算。', 'Cannot compute.'];
  return null;
}

function both(finding, more) {
  const zh = `无法计算：${withLang(finding, 'zh')}${more > 0 ? `（另有 ${more} 处需补正）` : ''}`;
  const en = `Cannot compute: ${withLang(finding, 'en')}${more > 0 ? ` (and ${more} more to fix)` : ''}`;
  return [zh, en];
}

// msg() answers in the page's current language; the headline keeps both for the switch.
const withLang = (finding, language) => withLanguage(language, () => msg(finding));

/**
 * For a computed answer, why interns got no line at all ([zh, en]): the warning that left
 * each out (a period shorter than the notice sets, a group it does not admit); else null.
 * A total of 0 must not stand without its reason.
 */
export function notCounted(answer) {
  const paid = new Set((answer.lines ?? []).map((l) => l.trainee));
  const why = new Map();
  for (const f of answer.warnings ?? []) {
    const index = /^\/trainees\/(\d+)(\/|$)/.exec(f.path ?? '');
    if (!index || paid.has(Number(index[1]))) continue;
    const who = Number(index[1]) + 1;
    if (!why.has(who)) why.set(who, f);
  }
  if (!why.size) return null;
  const say = (language) => [...why].map(([who, f]) => {
    const text = withLang(f, language);
    if (language === 'zh') return SAYS_NOT_COUNTED.zh.test(text) ? `见习人员 ${who}：${text}` : `见习人员 ${who} 不计补贴：${text}`;
    return SAYS_NOT_COUNTED.en.test(text) ? `Intern ${who}: ${text}` : `Intern ${who} gets nothing: ${text}`;
  });
  return [say('zh').join('；'), say('en').join('; ')];
}

// Most of the core's reasons already say the intern is not counted; the headline does
// not say it a second time.
const SAYS_NOT_COUNTED = { zh: /不计补贴/, en: /no subsidy|not counted/i };

const UNKNOWN_ITEM = { retention: 'retention_uplift' };
const WAITS_FOR_INPUT = {
  'insurance.premium_missing': 'insurance',
  'remaining_period.rate_unstated': 'remaining_period',
  'retention.previous_year_missing': 'retention_uplift',
};

/** The status of a computed estimate, [zh, en]: complete, or an estimate with what it leaves out. */
export function estimateStatus(result, items) {
  const left = [];
  for (const u of result.unknown ?? []) {
    const id = UNKNOWN_ITEM[u.item] ?? u.item;
    if ((items ?? []).some((i) => i.id === id)) left.push(id);
  }
  // Items owed but not computed until the user gives what the notice leaves unstated.
  for (const [code, id] of Object.entries(WAITS_FOR_INPUT))
    if ((result.warnings ?? []).some((f) => f.code === code)) left.push(id);
  const omitted = [...new Set(left)];
  const unconfirmed = (result.warnings ?? []).some((f) => RESEARCH.has(f.code));
  // An internship reaching past the notice's period is computed by it, but only indicatively.
  const outside = (result.warnings ?? []).some((f) => f.code === 'policy.outside_effective_period');
  const names = (language) => withLanguage(language, () => omitted.map((id) => nameIn(items, id)));
  const notes = [];
  if (omitted.length) notes.push([`${omitted.length} 项未计入：${names('zh').join('、')}`, `${omitted.length} left out: ${names('en').join(', ')}`]);
  if (unconfirmed) notes.push(['部分标准未见官方原文', 'some figures not confirmed by an official text']);
  if (outside) notes.push(['部分月份不在通知的有效期内', "some months outside the notice's period in force"]);
  if (!notes.length) return ['按所填信息算出', 'Computed from what you entered'];
  return [`估算（${notes.map((n) => n[0]).join('；')}）`, `Estimate (${notes.map((n) => n[1]).join('; ')})`];
}
