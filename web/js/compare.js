// The notices side by side: one column per notice, one row per provision, every cell
// generated from the core's catalog (policies[].provisions), never typed here. Each
// cell carries its clause id as a button (clauses.js opens the quoted clause). A
// provision the notice is known to have but whose text was not found
// (provisions.unknown) is shown as such in its cell. The date picker asks the core,
// province by province, which notice it applies on that date: a minimal eligibility
// request {province, as_of}, whose answer names the notice used (policy), the others
// also in force (policy_choice) or that none is (policy.none_in_force).
// The reader picks the provinces (kept across reloads): the columns are, per province,
// the notice in force on the date, or every notice of those provinces. Each province
// says how much of its notice is known, as the catalog's `known` says.
import { clauseButton } from './clauses.js';
import { KNOWN, knownOf } from './known-level.js';
import { catalog, engine, markFirstResult } from './engine.js';
import { nameIn, percent, provinceName, today } from './format.js';
import { loadFailed } from './load-failure.js';
import { initLanguage, lang, msg, setText, t } from './i18n.js';
import { load, save } from './store.js';

/** How a notice counts the last, part month, in its own terms. */
function partMonthText(m) {
  const from = m.min_working_days;
  const part = m.part_month;
  if (part?.working_days_per_month) {
    const per = part.working_days_per_month;
    return t(`不足1个月的按在岗工作日计（每月按${per}个工作日）`, `a part month counts by its working days in post, ${per} to a month`);
  }
  if (part?.share != null) {
    const share = percent(part.share);
    const whole = part.whole_from_working_days;
    return whole
      ? t(`在岗${from}至${whole - 1}个工作日按月标准的${share}计，${whole}个工作日以上按1个月计，不足${from}个不计`,
        `${from} to ${whole - 1} working days in post count at ${share} of a month, ${whole} or more as a month, fewer than ${from} as none`)
      : t(`在岗满${from}个工作日、不足1个月的按月标准的${share}计，不足${from}个不计`,
        `a part month of ${from} working days or more counts at ${share} of a month, fewer as none`);
  }
  return t(`在岗满${from}个工作日按1个月计，不足不计`, `${from} working days in post count as a month, fewer as none`);
}

const $ = (id) => document.getElementById(id);
const PAGE = 'compare';
let cat = null;
/** The reader's choice: the provinces picked, and whether the columns are the notices in force or every notice. */
let picked = new Set();
let mode = 'in_force';

const make = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, v);
  node.append(...children.filter((c) => c !== undefined && c !== null && c !== false));
  return node;
};
const zh = (text) => make('span', { lang: 'zh-CN' }, text);
const num = (x) => Number(x);

// ---------------------------------------------------------------- cell contents

/**
 * A cell's content: a state (stated, absent, unstated, unknown, not_applicable), the
 * text, the clause ids, and the notes the catalog gives (note, interpretation).
 */
const stated = (text, rules = [], extra = {}) => ({ state: 'stated', text, rules: rules.filter(Boolean), ...extra });
const absent = () => ({ state: 'absent', text: t('通知无此项规定', 'Not in the notice') });

const notes = (...items) => items.filter(Boolean);

/** A band of the retention raise as text: "above 50%: 60%, +5% per whole 10 points". */
function bandText(b) {
  const at = percent(b.above);
  const head = b.inclusive ? t(`留用率${at}及以上`, `at least ${at}`) : t(`留用率高于${at}`, `above ${at}`);
  const figure = b.amount != null ? t(`每人每月${b.amount}元`, `${b.amount} yuan a month`) : percent(b.rate);
  let text = `${head}${t('：', ': ')}${figure}`;
  if (b.step && b.step_rate) {
    text += t(`，每满${percent(b.step).replace('%', '')}个百分点加${percent(b.step_rate)}`,
      `, +${percent(b.step_rate)} per whole ${percent(b.step).replace('%', '')} points`);
  }
  return text;
}

const PAYMENT = {
  monthly: ['按月按提高后的标准发放', 'paid monthly at the raised rate'],
  after_end: ['按月按基础标准发放，见习结束后一次性补发差额', 'base rate monthly, the difference once after the internship ends'],
  next_year: ['按月按基础标准发放，差额次年初一次性发放', 'base rate monthly, the difference once at the start of the next year'],
  year_end: ['按月按基础标准发放，差额当年底一次性补发', 'base rate monthly, the difference once at the end of the year'],
};
// No source says when the difference is paid: the month this tool lists it is no rule.
const PAYMENT_NOT_SEEN = ['按月按基础标准发放，差额何时发放未见', 'base rate monthly; when the difference is paid was not seen'];
const RAISED = {
  completed: ['只对见习期满人员', 'only for interns who completed'],
  retained: ['只对留用人员', 'only for interns kept on'],
};
const PAYEE = {
  unit: ['见习单位', 'the unit'],
  trainee: ['见习人员本人', 'the trainee'],
};
const INSURANCE = {
  actual_premium: ['据实补贴保费', 'premium reimbursed at actual cost'],
  government_purchase: ['政府统一购买，不向单位发放保费补贴', 'bought centrally by the government; no premium subsidy to the unit'],
};

const ROWS = [
  { section: 'period', key: 'effective', label: ['施行期间', 'Period in force'], cell: (p) => {
    const to = p.effective_to;
    const text = to ? `${p.effective_from} – ${to}` : t(`${p.effective_from} 起，未写明失效日期`, `from ${p.effective_from}, no end date stated`);
    return stated(text, [], { notes: notes(p.effective_note && [t('说明', 'Note'), msg(p.effective_note)]) });
  } },
  { section: 'period', key: 'issued', unknown: 'issued', label: ['印发日期与文号', 'Issued, document number'], cell: (p) =>
    stated(p.issued ?? t('未知', 'unknown'), [], { doc: p.document ?? null }) },
  { section: 'period', key: 'related', label: ['前后通知', 'Earlier and later notices'], cell: (p) => {
    if (!p.related?.length) return { state: 'absent', text: t('未收录相关通知', 'None held in the rules') };
    return stated(p.related.map((r) => r.policy).join(t('、', ', ')), [], {
      notes: p.related.map((r) => [t('关系', 'Relation'), msg(r)]) });
  } },

  { section: 'eligibility', key: 'graduate', label: ['毕业时间', 'Graduation window'], cell: (p, v) => {
    const g = v.eligibility?.graduate;
    if (!g) return absent();
    return stated(t(`离校${g.years_since_leaving}年内`, `within ${g.years_since_leaving} years of leaving school`), [g.rule],
      { confidence: g.confidence, notes: notes(g.interpretation && [t('本工具的理解', 'How this tool reads it'), msg(g.interpretation)]) });
  } },
  ...['college_graduate', 'vocational_graduate', 'unemployed_youth', 'overseas_graduate'].map((id) => ({
    section: 'eligibility', key: `category:${id}`, category: id,
    label: (c) => [`见习对象：${nameIn(c.categories, id)}`, `Admitted: ${nameIn(c.categories, id)}`],
    cell: (p, v) => {
      const c = (v.eligibility?.categories ?? []).find((x) => x.id === id);
      if (!c) return absent();
      const parts = [];
      if (!c.admitted) parts.push(t('不是见习对象', 'not admitted'));
      else if (c.only_with_region_flags?.length) {
        parts.push(t(`仅限${c.only_with_region_flags.map((f) => nameIn(cat.region_flags, f)).join('、')}`,
          `only in: ${c.only_with_region_flags.map((f) => nameIn(cat.region_flags, f)).join(', ')}`));
      } else parts.push(t('是见习对象', 'admitted'));
      if (c.admitted && (c.min_age != null || c.max_age != null)) {
        parts.push(t(`${c.min_age ?? ''}–${c.max_age ?? ''}岁`, `aged ${c.min_age ?? ''}–${c.max_age ?? ''}`));
      }
      if (c.admitted && c.requires_registration) parts.push(t('须办理失业登记', 'registered as unemployed'));
      return stated(parts.join(t('；', '; ')), [c.rule], {
        admitted: c.admitted, confidence: c.confidence,
        notes: notes(c.note && [t('说明', 'Note'), msg(c.note)],
          c.interpretation && [t('本工具的理解', 'How this tool reads it'), msg(c.interpretation)]) });
    },
  })),
  { section: 'eligibility', key: 'once_per_person', unknown: 'once_per_person', label: ['每人限一次', 'Once per person'], cell: (p, v) => {
    const o = v.eligibility?.once_per_person;
    return o ? stated(t('每人限参加一次见习', 'one internship per person'), [o.rule], { confidence: o.confidence }) : absent();
  } },

  { section: 'length', key: 'internship_months', unknown: 'internship_months', label: ['见习期限', 'Internship length'], cell: (p, v) => {
    const m = v.eligibility?.internship_months;
    if (!m) return absent();
    const span = `${m.min}–${m.max}`;
    return stated(m.binding ? t(`${span}个月`, `${span} months`) : t(`一般为${span}个月`, `usually ${span} months`), [m.rule],
      { confidence: m.confidence, min: m.min, max: m.max });
  } },
  { section: 'length', key: 'month_counting', unknown: 'month_counting', label: ['不足1个月的计算', 'A part month'], cell: (p, v) => {
    const m = v.month_counting;
    if (!m) return absent();
    const borrowed = m.rule && !m.rule.startsWith(`${p.id}#`);
    const text = partMonthText(m)
      + (borrowed ? t('（通知未规定，本工具参照其他通知）', ' (the notice is silent; this tool follows another notice)') : '');
    return stated(text, [m.rule], { borrowed, confidence: m.confidence,
      notes: notes(m.interpretation && [t('本工具的理解', 'How this tool reads it'), msg(m.interpretation)]) });
  } },

  ...['college_graduate', 'vocational_graduate', 'unemployed_youth', 'overseas_graduate'].map((id) => ({
    section: 'subsidy', key: `rate:${id}`, category: id,
    label: (c) => [`基础补贴标准：${nameIn(c.categories, id)}`, `Base rate: ${nameIn(c.categories, id)}`],
    cell: (p, v) => {
      const pos = v.subsidy?.position;
      if (!pos) return absent();
      if (pos.amounts && id in pos.amounts) {
        return stated(t(`每人每月${pos.amounts[id]}元（定额）`, `${pos.amounts[id]} yuan a month (flat)`), [pos.rule],
          { amount: num(pos.amounts[id]), confidence: pos.confidence, notes: notes(pos.note && [t('说明', 'Note'), msg(pos.note)]) });
      }
      if (!(id in (pos.rates ?? {}))) {
        return { state: 'not_applicable', text: t('不适用（不是见习对象）', 'n/a (not admitted)'), rules: [pos.rule] };
      }
      const r = pos.rates[id];
      if (r === null) {
        return { state: 'unstated', text: t('通知未写明标准', 'no rate stated'), rules: [pos.rule],
          notes: notes(pos.unstated && [t('说明', 'Note'), msg(pos.unstated)]) };
      }
      const base = pos.wage_base === 'province_tier_1'
        ? t(`全省（区）一类区最低工资的${percent(r)}`, `${percent(r)} of the province's tier-1 minimum wage`)
        : t(`最低工资的${percent(r)}`, `${percent(r)} of the minimum wage`);
      return stated(base, [pos.rule],
        { rate: num(r), confidence: pos.confidence, notes: notes(pos.note && [t('说明', 'Note'), msg(pos.note)]) });
    },
  })),
  { section: 'subsidy', key: 'retention', unknown: 'retention', label: ['留用率提标', 'Retention raise'], cell: (p, v) => {
    const r = v.subsidy?.retention;
    if (!r) return absent();
    const whose = r.retention_of === 'previous_year' ? t('按单位上一年度留用率：', 'by the unit\'s retention of the previous year: ') : '';
    const bands = whose + r.bands.map(bandText).join(t('；', '; '));
    const pay = r.payment_stated === false ? PAYMENT_NOT_SEEN : PAYMENT[r.payment];
    const raised = RAISED[r.applies_to];
    const text = `${bands}${raised ? `${t('；', '; ')}${t(...raised)}` : ''}${pay ? `${t('。', '. ')}${t(...pay)}` : ''}`;
    return stated(text, [r.rule, r.model_unit_rule], { confidence: r.confidence,
      notes: notes(r.model_unit_rule && [t('标杆单位', 'Model units'), t('评为就业见习标杆的单位同样提标，见上列条款。', 'Units rated as model units are raised too: see the clause listed.')],
        r.interpretation && [t('本工具的理解', 'How this tool reads it'), msg(r.interpretation)]) });
  } },
  { section: 'subsidy', key: 'payee', label: ['按月补贴的收款人', 'Who receives the monthly subsidy'], cell: (p, v) => {
    const pos = v.subsidy?.position;
    if (!pos) return absent();
    return stated(t(...(PAYEE[pos.payee] ?? PAYEE.unit)), [pos.rule], { payee: pos.payee ?? 'unit', confidence: pos.confidence });
  } },
  { section: 'subsidy', key: 'max_months', label: ['补贴月数上限', 'Most months subsidised'], cell: (p, v) => {
    const pos = v.subsidy?.position;
    if (!pos?.max_months) return absent();
    return stated(t(`每人最多${pos.max_months}个月`, `at most ${pos.max_months} months per intern`), [pos.max_months_rule ?? pos.rule],
      { max: pos.max_months, confidence: pos.confidence, notes: notes(pos.interpretation && [t('本工具的理解', 'How this tool reads it'), msg(pos.interpretation)]) });
  } },
  { section: 'subsidy', key: 'pay_cap', label: ['按实际支付封顶', 'Capped at the pay given'], cell: (p, v) => {
    const cap = v.subsidy?.position?.pay_cap;
    if (!cap) return absent();
    return stated(t(`不高于单位每月实际支付的工作补贴；低于最低工资的${percent(cap.min_share)}的月份不补贴`,
      `at most the pay the unit gives each month; nothing for a month paid below ${percent(cap.min_share)} of the minimum wage`),
      [cap.rule], { min_share: num(cap.min_share), confidence: v.subsidy.position.confidence });
  } },
  { section: 'subsidy', key: 'mentoring_fee', unknown: 'mentoring_fee', label: (c) => [`按月：${nameIn(c.items, 'mentoring_fee')}`, `Each month: ${nameIn(c.items, 'mentoring_fee')}`], cell: (p, v) => {
    const f = v.subsidy?.mentoring_fee;
    if (!f) return absent();
    const text = f.amount != null ? t(`每人每月${f.amount}元，发给见习单位`, `${f.amount} yuan a month per intern, to the unit`)
      : t(`最低工资的${percent(f.rate)}，发给见习单位`, `${percent(f.rate)} of the minimum wage, to the unit`);
    return stated(text, [f.rule],
      { rate: f.amount != null ? null : num(f.rate), amount: f.amount ?? null, confidence: f.confidence, notes: notes(f.note && [t('说明', 'Note'), msg(f.note)]) });
  } },
  { section: 'subsidy', key: 'insurance', unknown: 'insurance', label: ['保险补贴', 'Insurance'], cell: (p, v) => {
    const i = v.subsidy?.insurance;
    if (!i) return absent();
    const text = i.method === 'fixed_per_person' ? t(`每人${i.amount}元`, `${i.amount} yuan per person`)
      : i.method === 'monthly_per_person' ? t(`每人每月${i.amount}元`, `${i.amount} yuan a month per intern`)
      : i.method === 'actual_premium' && i.cap != null ? t(`据实补贴保费，每人不高于${i.cap}元`, `premium reimbursed at actual cost, at most ${i.cap} yuan per person`)
      : t(...(INSURANCE[i.method] ?? [i.method, i.method]));
    return stated(text, [i.rule], { amount: i.amount ?? null, confidence: i.confidence,
      notes: notes(i.note && [t('说明', 'Note'), msg(i.note)]) });
  } },
  { section: 'subsidy', key: 'remaining_period', unknown: 'remaining_period', label: ['剩余期限补贴', 'Remaining period'], cell: (p, v) => {
    const r = v.subsidy?.remaining_period;
    if (!r) return absent();
    const parts = [r.contract_signed_by ? t(`${r.contract_signed_by}前签订劳动合同`, `contract signed by ${r.contract_signed_by}`)
      : t('见习期未满签订劳动合同（未见截止日期）', 'contract signed before the period ends (no deadline seen)')];
    if (r.min_contract_years) parts.push(t(`合同${r.min_contract_years}年以上`, `contract of ${r.min_contract_years} year(s) or more`));
    if (r.min_served_months) parts.push(t(`已见习满${r.min_served_months}个月`, `${r.min_served_months} month(s) served`));
    if (r.requires_social_insurance) parts.push(t('缴纳社会保险', 'with social insurance'));
    parts.push(r.max_months ? t(`最多${r.max_months}个月`, `at most ${r.max_months} months`)
      : t('按约定见习期剩余月份', 'the unserved months of the agreed period'));
    return stated(parts.join(t('；', '; ')), [r.rule], { confidence: r.confidence,
      notes: notes(r.interpretation && [t('本工具的理解', 'How this tool reads it'), msg(r.interpretation)]) });
  } },
  { section: 'subsidy', key: 'mentoring', unknown: 'mentoring', label: (c) => [`一次性：${nameIn(c.items, 'mentoring')}`, `One-time: ${nameIn(c.items, 'mentoring')}`], cell: (p, v) => {
    const m = v.subsidy?.mentoring;
    if (!m) return absent();
    const parts = [t(`每留用1人${m.amount}元`, `${m.amount} yuan per intern kept on`)];
    if (m.retention_at_least != null) {
      parts.push(m.retention_inclusive === false
        ? t(`留用率超过${percent(m.retention_at_least)}`, `retention above ${percent(m.retention_at_least)}`)
        : t(`留用率${percent(m.retention_at_least)}及以上`, `retention at least ${percent(m.retention_at_least)}`));
    }
    if (m.min_contract_years) parts.push(t(`合同${m.min_contract_years}年以上`, `contract of ${m.min_contract_years} year(s) or more`));
    if (m.requires_social_insurance) parts.push(t('缴纳社会保险', 'with social insurance'));
    return stated(parts.join(t('；', '; ')), [m.rule], { amount: m.amount, confidence: m.confidence,
      notes: notes(m.interpretation && [t('本工具的理解', 'How this tool reads it'), msg(m.interpretation)]) });
  } },
  { section: 'subsidy', key: 'social_insurance', unknown: 'social_insurance', label: (c) => [nameIn(c.items, 'social_insurance'), `${nameIn(c.items, 'social_insurance')[0].toUpperCase()}${nameIn(c.items, 'social_insurance').slice(1)}`], cell: (p, v) => {
    const s = v.subsidy?.social_insurance;
    if (!s) return absent();
    const parts = [t(`实际缴费的${percent(s.rate)}`, `${percent(s.rate)} of contributions paid`)];
    if (s.min_served_months) parts.push(t(`见习满${s.min_served_months}个月`, `after ${s.min_served_months} months in post`));
    if (s.max_months) parts.push(t(`最长${s.max_months}个月`, `for at most ${s.max_months} months`));
    return stated(parts.join(t('；', '; ')), [s.rule], { confidence: s.confidence,
      notes: notes(s.interpretation && [t('本工具的理解', 'How this tool reads it'), msg(s.interpretation)]) });
  } },
  { section: 'subsidy', key: 'absence', unknown: 'absence', label: ['缺勤', 'Absence'], cell: (p, v) => {
    const a = v.subsidy?.absence;
    if (!a) return absent();
    return stated(t(`连续缺勤${a.max_consecutive}天或累计${a.max_total}天（含）以上的，不计补贴`,
      `${a.max_consecutive} days absent in a row or ${a.max_total} in all (inclusive): no subsidy`), [a.rule], { confidence: a.confidence,
      notes: notes(a.interpretation && [t('本工具的理解', 'How this tool reads it'), msg(a.interpretation)]) });
  } },

  { section: 'reporting', key: 'template', unknown: 'summary_table', label: ['月度汇总表', 'Monthly summary table'], cell: (p, v) => {
    const s = v.summary_table;
    if (!s) return absent();
    const tpl = (cat.templates ?? []).find((x) => x.id === s.template);
    return stated(tpl ? t(`《${tpl.title}》`, tpl.title_en) : s.template, [s.rule], { template: s.template });
  } },
  { section: 'reporting', key: 'deadline', unknown: 'summary_table', label: ['报送期限', 'Reporting deadline'], cell: (p, v) => {
    const s = v.summary_table;
    if (!s) return absent();
    const d = s.deadline;
    if (!d) {
      return { state: 'unstated', text: t('通知未规定每月报送期限', 'no monthly deadline set'), rules: [s.rule],
        notes: notes(s.deadline_note && [t('说明', 'Note'), msg(s.deadline_note)]) };
    }
    let text = d.working_days
      ? t(`次月前${d.working_days}个工作日内`, `within the first ${d.working_days} working days of the next month`)
      : t(`次月前${d.calendar_days}日内`, `within the first ${d.calendar_days} days of the next month`);
    if (d.postpone_over_holidays) text += t('，遇节假日顺延', ', postponed over holidays');
    return stated(text, [d.rule], { notes: notes(d.interpretation && [t('本工具的理解', 'How this tool reads it'), msg(d.interpretation)]) });
  } },
];

const SECTIONS = {
  period: ['通知', 'The notice'],
  eligibility: ['见习对象', 'Who is eligible'],
  length: ['见习期限', 'Length'],
  subsidy: ['补贴', 'Subsidies'],
  reporting: ['报送', 'Reporting'],
  other: ['其他', 'Other'],
};

const CONFIDENCE = { medium: ['可信度：中', 'confidence: medium'], low: ['可信度：低', 'confidence: low'] };

/** Fills a cell from its content; an unknown provision of the notice takes precedence. */
function fillCell(td, content) {
  td.dataset.state = content.state;
  const text = make('span', { class: 'cell-text' });
  if (content.state === 'unknown') text.append(make('strong', {}, t('原文未找到', 'Text not found')), t('：', ': '));
  text.append(content.text);
  if (content.doc !== undefined) text.append(' ', content.doc ? zh(content.doc) : t('无文号', 'no number'));
  td.append(text);
  if (content.confidence && CONFIDENCE[content.confidence]) {
    td.append(' ', make('span', { class: 'badge confidence' }, t(...CONFIDENCE[content.confidence])));
  }
  const rules = [...new Set(content.rules ?? [])];
  if (rules.length) td.append(make('span', { class: 'cell-rules' }, ...rules.map(clauseButton)));
  for (const [head, body] of content.notes ?? []) {
    td.append(make('details', { class: 'cell-note' }, make('summary', {}, head), make('p', {}, body)));
  }
}

/** A provision the notice has whose text was not found: said so, with what is known in a note. */
function unknownContent(items) {
  return {
    state: 'unknown',
    text: t('通知有此项规定', 'the notice has this provision'),
    rules: items.map((u) => u.rule),
    notes: [[t('已知情况', 'What is known'), items.map(msg).join(' ')]],
  };
}

/** The table: a header row naming the notices, then one body per section. */
function renderTable() {
  const table = $('compare');
  const list = columns();
  renderPickStatus(list);
  $('compare-scroll').hidden = !list.length;
  $('scroll-hint').hidden = !list.length;
  if (!list.length) {
    table.replaceChildren();
    return;
  }
  const head = make('thead', {}, make('tr', {},
    make('th', { scope: 'col', class: 'corner' }, t('规定', 'Provision')),
    ...list.map((p) => make('th', { scope: 'col', 'data-policy': p.id },
      make('span', { class: 'col-province' }, provinceName(cat.provinces, p.province)),
      make('span', { class: 'col-title', lang: lang() === 'en' ? 'en' : 'zh-CN' }, t(p.title, p.title_en)),
      ...(p.document ? [make('span', { class: 'col-doc', lang: 'zh-CN' }, p.document)] : []),
      make('span', { class: 'badge in-force-badge', hidden: '' })))));
  const bodies = [];
  const mapped = new Set(ROWS.map((r) => r.unknown).filter(Boolean));
  for (const [section, names] of Object.entries(SECTIONS)) {
    const rows = ROWS.filter((r) => r.section === section);
    const trs = rows.map((row) => {
      const label = typeof row.label === 'function' ? row.label(cat) : row.label;
      const tr = make('tr', { 'data-row': row.key }, make('th', { scope: 'row' }, t(...label)));
      for (const p of list) {
        const v = p.provisions ?? {};
        const unknown = row.unknown ? (v.unknown ?? []).filter((u) => u.item === row.unknown) : [];
        const td = make('td', { 'data-policy': p.id });
        fillCell(td, unknown.length ? unknownContent(unknown) : row.cell(p, v));
        tr.append(td);
      }
      return tr;
    });
    if (section === 'other') {
      // Provisions not found that no row above covers (the unit's approval conditions, say).
      const tr = make('tr', { 'data-row': 'other_unknown' }, make('th', { scope: 'row' }, t('其他未找到原文的规定', 'Other provisions not found')));
      for (const p of list) {
        const rest = (p.provisions?.unknown ?? []).filter((u) => !mapped.has(u.item));
        const td = make('td', { 'data-policy': p.id });
        fillCell(td, rest.length ? unknownContent(rest) : { state: 'absent', text: t('无', 'None') });
        tr.append(td);
      }
      trs.push(tr);
    }
    bodies.push(make('tbody', { 'data-section': section },
      make('tr', { class: 'section' }, make('th', { scope: 'colgroup', colspan: String(list.length + 1) },
        make('span', { class: 'section-label' }, t(...names)))),
      ...trs));
  }
  table.replaceChildren(make('caption', { class: 'visually-hidden' }, t('各通知规定对比表', 'The notices’ provisions side by side')), head, ...bodies);
  markInForce();
}

// ---------------------------------------------------------------- in force on a date

let inForce = [];

/** Asks the core, per province, which notice it applies on `asOf`. */
async function whichInForce(asOf) {
  const jianxi = await engine();
  const provinces = [...new Set(cat.policies.map((p) => p.province))];
  const answers = await Promise.all(provinces.map((province) => jianxi.evaluateAsync({ kind: 'eligibility', province, as_of: asOf })));
  return provinces.map((province, i) => {
    const answer = answers[i];
    const none = (answer.errors ?? []).find((e) => e.code === 'policy.none_in_force');
    return {
      province,
      policy: answer.policy ?? null,
      also: answer.policy_choice?.also_in_force ?? [],
      choice: answer.policy_choice ?? null,
      none: none ?? null,
      error: !answer.policy && !none ? (answer.errors ?? [])[0] ?? null : null,
    };
  });
}

function renderInForce() {
  const asOf = $('as-of').value;
  $('in-force').replaceChildren(...inForce.map((r) => {
    const li = make('li', { 'data-province': r.province, 'data-policy': r.policy ?? '' });
    li.append(make('strong', {}, provinceName(cat.provinces, r.province)), t('：', ': '));
    if (r.policy) {
      const p = cat.policies.find((x) => x.id === r.policy);
      li.append(make('span', { class: 'in-force-policy' }, r.policy));
      if (p?.document) li.append(' ', zh(p.document));
      if (r.also.length) {
        li.append(t(`；另有 ${r.also.join('、')} 也可能有效`, `; also possibly in force: ${r.also.join(', ')}`));
        if (r.choice) li.append(make('details', { class: 'cell-note' }, make('summary', {}, t('为何采用此通知', 'Why this one')), make('p', {}, msg(r.choice))));
      }
    } else if (r.none) {
      li.dataset.none = 'true';
      li.append(make('span', { class: 'in-force-none' }, msg(r.none)));
    } else {
      li.append(r.error ? msg(r.error) : t('无法判断', 'Cannot tell'));
    }
    return li;
  }));
  $('in-force').dataset.asOf = asOf;
  markInForce();
}

/** Marks the column of each notice in force on the chosen date. */
function markInForce() {
  const used = new Set(inForce.map((r) => r.policy).filter(Boolean));
  const also = new Set(inForce.flatMap((r) => r.also));
  for (const th of document.querySelectorAll('#compare thead th[data-policy]')) {
    const id = th.dataset.policy;
    const badge = th.querySelector('.in-force-badge');
    const state = used.has(id) ? 'used' : also.has(id) ? 'also' : '';
    th.dataset.inForce = state;
    badge.hidden = !state;
    badge.textContent = state === 'used' ? t(`${$('as-of').value} 适用`, `applies on ${$('as-of').value}`)
      : state === 'also' ? t('也可能有效', 'also possibly in force') : '';
  }
}

async function updateDate() {
  const asOf = $('as-of').value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return;
  document.body.dataset.inForce = 'pending';
  inForce = await whichInForce(asOf);
  if ($('as-of').value !== asOf) return;
  renderPicker();
  renderTable();
  renderInForce();
  document.body.dataset.inForce = asOf;
}

// ---------------------------------------------------------------- provinces picked

/** The provinces the catalog names, and any a notice names that the list lacks, in the catalog's order. */
function provinceIds() {
  const ids = (cat.provinces ?? []).map((p) => p.id);
  for (const p of cat.policies) if (!ids.includes(p.province)) ids.push(p.province);
  return ids;
}

/** The notice a province is judged by: the one in force on the date, else its latest. */
function noticeOf(province) {
  const used = inForce.find((r) => r.province === province)?.policy;
  const own = cat.policies.filter((p) => p.province === province);
  return own.find((p) => p.id === used)
    ?? own.reduce((latest, p) => (!latest || p.effective_from > latest.effective_from ? p : latest), null);
}

/** The notices the table shows, in the catalog's order. */
function columns() {
  if (mode === 'every') return cat.policies.filter((p) => picked.has(p.province));
  const used = new Set(inForce.filter((r) => picked.has(r.province)).map((r) => r.policy).filter(Boolean));
  return cat.policies.filter((p) => used.has(p.id));
}

function renderPicker() {
  $('province-list').replaceChildren(...provinceIds().map((id) => {
    const known = knownOf(noticeOf(id));
    const box = make('input', { type: 'checkbox', value: id, 'data-province': id });
    box.checked = picked.has(id);
    return make('label', { class: 'province-pick', 'data-known': known }, box,
      make('span', {}, provinceName(cat.provinces, id)),
      make('span', { class: 'badge known' }, t(...KNOWN[known])));
  }));
  for (const input of document.querySelectorAll('#pick-mode input')) input.checked = input.value === mode;
}

/** Says what the table shows, or, with nothing picked, how to pick. */
function renderPickStatus(list) {
  const status = $('pick-status');
  if (!picked.size) {
    setText(status, '尚未选择省份。请在上方勾选省份，或点“全部当日适用的通知”。',
      'No province picked yet. Tick provinces above, or tap “All in force on the date”.');
    status.dataset.empty = 'true';
    return;
  }
  delete status.dataset.empty;
  const date = $('as-of').value;
  const missing = mode === 'in_force'
    ? inForce.filter((r) => picked.has(r.province) && !r.policy).map((r) => r.province) : [];
  const lacking = [...picked].filter((id) => !cat.policies.some((p) => p.province === id));
  const without = [...new Set([...missing, ...lacking])];
  const namesZh = without.map((id) => withName(id, 'zh')).join('、');
  const namesEn = without.map((id) => withName(id, 'en')).join(', ');
  setText(status,
    `已选 ${picked.size} 个省份，表中 ${list.length} 份通知。${without.length ? `${namesZh}：${mode === 'in_force' ? `${date} 无收录的有效通知` : '未收录通知'}。` : ''}`,
    `${picked.size} province(s) picked, ${list.length} notice(s) in the table.${without.length ? ` ${namesEn}: ${mode === 'in_force' ? `no notice held in force on ${date}` : 'no notice held'}.` : ''}`);
}

const withName = (id, language) => {
  const p = (cat.provinces ?? []).find((x) => x.id === id);
  return language === 'en' ? p?.name_en ?? id : p?.name ?? id;
};

function changed() {
  save(PAGE, { provinces: [...picked], mode });
  renderTable();
}

function wirePicker() {
  $('province-list').addEventListener('change', (e) => {
    const id = e.target.value;
    if (e.target.checked) picked.add(id);
    else picked.delete(id);
    changed();
  });
  $('pick-mode').addEventListener('change', (e) => {
    mode = e.target.value === 'every' ? 'every' : 'in_force';
    changed();
  });
  $('pick-in-force').addEventListener('click', () => {
    picked = new Set(inForce.filter((r) => r.policy).map((r) => r.province));
    mode = 'in_force';
    renderPicker();
    changed();
  });
  $('pick-none').addEventListener('click', () => {
    picked = new Set();
    renderPicker();
    changed();
  });
}

/** The previous visit's choice; a province the catalog no longer names is dropped. */
function restorePicks() {
  const saved = load(PAGE);
  const ids = provinceIds();
  picked = new Set((saved?.provinces ?? []).filter((id) => ids.includes(id)));
  mode = saved?.mode === 'every' ? 'every' : 'in_force';
}

// ---------------------------------------------------------------- page

function render() {
  if (!cat) return;
  renderPicker();
  renderTable();
  renderInForce();
}

// Printing shows every note: the <details> open for the print, closed again after.
let opened = [];
window.addEventListener('beforeprint', () => {
  opened = [...document.querySelectorAll('details:not([open])')];
  for (const d of opened) d.open = true;
});
window.addEventListener('afterprint', () => {
  for (const d of opened) d.open = false;
  opened = [];
});

// The catalog gives provisions a province at a time (the table compares every province
// and asks each which notice is in force, so each province's rules are loaded anyway).
async function withProvisions(index) {
  const provinces = [...new Set(index.policies.map((p) => p.province))];
  const answers = await Promise.all(provinces.map((province) => catalog({ province, sections: ['provisions'] })));
  const whole = new Map(answers.flatMap((a) => a.policies ?? []).map((p) => [p.id, p]));
  return { ...index, policies: index.policies.map((p) => whole.get(p.id) ?? p) };
}

initLanguage(render);
try {
  const jianxi = await engine();
  cat = await withProvisions(await catalog({ sections: ['policies', 'vocabulary', 'templates'] }));
  const input = $('as-of');
  input.value = new URLSearchParams(location.search).get('as_of') ?? today();
  input.addEventListener('change', updateDate);
  input.addEventListener('input', updateDate);
  restorePicks();
  wirePicker();
  await updateDate();
  setText($('engine-status'), `已收录 ${cat.policies.length} 份通知。`, `Ready: ${cat.policies.length} notices.`);
  markFirstResult();
  document.body.dataset.ready = 'true';
} catch (err) {
  console.warn(err);
  loadFailed($('engine-status'));
  throw err;
}
