// The employer's estimate page: the form is read into a `subsidy` request, the core
// answers on this device, and the page shows the total, the minimum wage used each
// month with its source, every line with its clause, the findings beside their
// fields and two what-if charts. Every name and list comes from the core's catalog;
// the place picker lists the province's places as the catalog gives them for the
// first intern's start date.
import { catalog, engine, markFirstResult, onRulesLoaded } from './engine.js';
import { barChart } from './chart.js';
import { clauseButton, clauseFootnotes } from './clauses.js';
import { combobox } from './combobox.js';
import { clearFindings, showFindings } from './findings.js';
import { debounce, download, linePercent, nameIn, percent, provinceName, provincesWithNotice, today, yuan } from './format.js';
import { initLanguage, lang, msg, rawMsg, t, translateNew, setText, withLanguage } from './i18n.js';
import { fillCheckboxes, fillOptions, fillPolicyChoosers, provinceOf } from './policy-choice.js';
import { load, save } from './store.js';
import { estimateStatus, notCounted, refusalOf, withoutFigures } from './estimate-status.js';
import { learnNotices, researchTrail, TRAILS } from './plain.js';
import { initHandoff } from './handoff.js';
import { caveatLine } from './caveat-line.js';
import { groupLines } from './line-groups.js';
import { knownOf, showKnown } from './known-level.js';
import { loadFailed } from './load-failure.js';

const PAGE = 'estimate';
const form = document.getElementById('estimate-form');
const traineeList = document.getElementById('trainees');
const template = document.getElementById('trainee-template');
const status = document.getElementById('engine-status');
let jianxi;
let rules = {};        // the core's catalog
let policyList = [];
let places = [];       // the chosen province's places on placesAsOf
let pinyinOf = {};     // place name → [pinyin, initials], made at build time from the catalog's names
let placesKey = '';
let lastResult = null;
let cityBox;
let countyBox;

const $ = (id) => document.getElementById(id);
const numberOrUndefined = (v) => (v === '' || v == null ? undefined : Number(v));

// ---- form <-> request -------------------------------------------------------

function readTrainee(li) {
  const get = (name) => li.querySelector(`[name="${name}"]`);
  const tr = { category: get('category').value, start: get('start').value, end: get('end').value };
  if (get('left_on').value) tr.left_on = get('left_on').value;
  const absent = get('absent_days').value.split(/[\s,，、;；]+/).filter(Boolean);
  if (absent.length) tr.absent_days = absent;
  tr.retained = get('retained').checked;
  const signed = get('contract.signed_on').value;
  const years = numberOrUndefined(get('contract.years').value);
  if (signed || years !== undefined) {
    tr.contract = { signed_on: signed, years: years ?? 0, social_insurance: get('contract.social_insurance').checked };
  }
  for (const money of ['insurance_premium', 'monthly_pay', 'flexible_insurance_monthly']) {
    const v = numberOrUndefined(get(money).value);
    if (v !== undefined) tr[money] = v;
  }
  return tr;
}

// How many alike interns a card stands for: a whole number from 1 to 999, as the field
// shows it once left (clampCount).
const MAX_ALIKE = 999;
function countOf(li) {
  const n = Math.trunc(Number(li.querySelector('[name="count"]').value));
  return Number.isFinite(n) ? Math.min(MAX_ALIKE, Math.max(1, n)) : 1;
}

// The card each intern of the request comes from (a card of N alike interns sends N).
let cardOfTrainee = [];

export function readRequest() {
  const request = { kind: 'subsidy' };
  if (form.mode.value === 'policy') {
    request.policy = $('policy').value;
  } else {
    if ($('place-province').value) request.province = $('place-province').value;
    // Only a date the person typed: without one the core chooses by the earliest usable start.
    if ($('as_of').value) request.as_of = $('as_of').value;
  }
  const place = readPlace();
  if (place) request.place = place;
  if ($('wage_basis').value && $('wage_basis').value !== rules.wage_basis?.[0]?.id) request.wage_basis = $('wage_basis').value;
  for (const id of ['min_wage', 'wage_tier', 'base_rate', 'retention_rate']) {
    const v = numberOrUndefined($(id).value);
    if (v !== undefined) request[id] = v;
  }
  const flags = [...form.querySelectorAll('[name="region_flags"]:checked')].map((c) => c.value);
  if (flags.length) request.region_flags = flags;
  request.trainees = [];
  cardOfTrainee = [];
  [...traineeList.children].forEach((li, card) => {
    const trainee = readTrainee(li);
    for (let k = countOf(li); k > 0; k -= 1) {
      request.trainees.push(structuredClone(trainee));
      cardOfTrainee.push(card);
    }
  });
  return request;
}

function addTrainee(tr = {}, count = 1) {
  const li = template.content.firstElementChild.cloneNode(true);
  fillOptions(li.querySelector('[name="category"]'), rules.categories);
  const set = (name, value) => {
    const input = li.querySelector(`[name="${name}"]`);
    if (input.type === 'checkbox') input.checked = Boolean(value);
    else if (value !== undefined && value !== null) input.value = value;
  };
  set('category', tr.category ?? rules.categories?.[0]?.id);
  set('start', tr.start);
  set('end', tr.end);
  set('left_on', tr.left_on);
  set('absent_days', (tr.absent_days ?? []).join(', '));
  set('retained', tr.retained);
  set('contract.signed_on', tr.contract?.signed_on);
  set('contract.years', tr.contract?.years);
  set('contract.social_insurance', tr.contract?.social_insurance);
  set('insurance_premium', tr.insurance_premium);
  set('monthly_pay', tr.monthly_pay);
  set('flexible_insurance_monthly', tr.flexible_insurance_monthly);
  set('count', count);
  const countInput = li.querySelector('[name="count"]');
  countInput.addEventListener('input', renumber);
  countInput.addEventListener('change', () => {
    countInput.value = String(countOf(li));
    renumber();
  });
  li.querySelector('.copy').addEventListener('click', () => {
    const copy = addTrainee(readTrainee(li));
    li.after(copy);
    renumber();
    copy.querySelector('select').focus();
    changed();
  });
  li.querySelector('.remove').addEventListener('click', () => {
    li.remove();
    renumber();
    changed();
  });
  traineeList.append(li);
  renumber();
  translateNew();
  return li;
}

// Paths and ids follow the position in the list, so they are renewed on every change;
// a card's path is that of the first intern it sends.
function renumber() {
  let first = 0;
  [...traineeList.children].forEach((li, i) => {
    li.querySelector('.number').textContent = String(i + 1);
    li.dataset.path = `/trainees/${first}`;
    for (const field of li.querySelectorAll('[data-field]')) {
      field.dataset.path = `/trainees/${first}/${field.dataset.field}`;
      const input = field.querySelector(':scope > input, :scope > select, :scope > label > input');
      const label = field.querySelector(':scope > label');
      if (input) {
        input.id = `t${i}-${field.dataset.field.replace('/', '-')}`;
        if (label && !label.contains(input)) label.htmlFor = input.id;
      }
    }
    first += countOf(li);
  });
}

/** Interns in a row that are alike in every field, as one card with their count. */
function alikeRuns(trainees) {
  const runs = [];
  for (const tr of trainees ?? []) {
    const last = runs.at(-1);
    if (last && last.count < MAX_ALIKE && JSON.stringify(last.trainee) === JSON.stringify(tr)) last.count += 1;
    else runs.push({ trainee: tr, count: 1 });
  }
  return runs;
}

/** The core's findings placed on the cards: an intern's finding on its card, once for alike interns. */
function onCards(findings) {
  const firstOf = new Map();
  cardOfTrainee.forEach((card, i) => { if (!firstOf.has(card)) firstOf.set(card, i); });
  const seen = new Set();
  return (findings ?? []).flatMap((f) => {
    const m = /^\/trainees\/(\d+)(\/.*)?$/.exec(f.path ?? '');
    const card = m ? cardOfTrainee[Number(m[1])] : undefined;
    const placed = card === undefined ? f : { ...f, path: `/trainees/${firstOf.get(card)}${m[2] ?? ''}` };
    const key = JSON.stringify([placed.path, placed.code, placed.message]);
    if (seen.has(key)) return [];
    seen.add(key);
    return [placed];
  });
}

function fillForm(request) {
  const mode = request.policy ? 'policy' : 'province';
  form.mode.value = mode;
  if (request.policy) $('policy').value = request.policy;
  if (request.province) $('place-province').value = request.province;
  const pinned = Boolean(request.as_of);
  $('as_of').value = pinned ? request.as_of : '';
  $('notice-expert').open = mode === 'policy' || Boolean(pinned);
  $('wage_basis').value = request.wage_basis ?? rules.wage_basis?.[0]?.id ?? '';
  for (const id of ['min_wage', 'wage_tier', 'base_rate', 'retention_rate']) $(id).value = request[id] ?? '';
  for (const c of form.querySelectorAll('[name="region_flags"]')) {
    c.checked = (request.region_flags ?? []).includes(c.value);
  }
  traineeList.replaceChildren();
  for (const { trainee, count } of alikeRuns(request.trainees)) addTrainee(trainee, count);
  pendingPlace = request.place ?? request.city ?? '';
  cityBox.text('');
  countyBox.text('');
  showMode();
  refreshPlaces();
}

function showMode() {
  const mode = form.mode.value;
  for (const el of form.querySelectorAll('[data-mode]')) el.hidden = el.dataset.mode !== mode;
  if (mode === 'policy') $('place-province').value = noticeProvince() ?? '';
}

// ---- the place picker -------------------------------------------------------

let pendingPlace = '';  // a place to show once the province's places are loaded

const noticeProvince = () => (form.mode.value === 'province' ? $('place-province').value
  : provinceOf(policyList, { policy: $('policy').value }));

const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s ?? '');

/** The earliest start among the interns, whichever card it is on: the day the core chooses a province's notice by. */
const earliestStart = () => [...traineeList.querySelectorAll('[name="start"]')].map((input) => input.value)
  .filter(isDate).sort()[0] ?? '';

/** The date the picker's figures are for: the earliest intern's start, else today. */
function placesAsOf() {
  return earliestStart() || today();
}

// Only a figure short of an official text gets a word; the research trail itself is
// in the collapsed "sources and confidence" section.
const confidenceName = (c) => ({
  medium: t('未见官方原文', 'not from an official text'), low: t('未见官方原文', 'not from an official text'),
  missing: t('未核实', 'not confirmed'),
}[c] ?? '');

/** A name or source that exists only in Chinese, marked as such for an English page. */
const zh = (text) => Object.assign(document.createElement('span'), { lang: 'zh-CN', textContent: text });

const tierName = (tier) => (tier ? t(`第${tier}类`, `tier ${tier}`) : '');

function placeOption(p) {
  const figure = p.min_wage == null ? t('月标准未核实', 'monthly figure not confirmed')
    : `${yuan(p.min_wage)} ${t('元/月', 'yuan a month')}`;
  const parts = [tierName(p.tier), figure];
  if (p.min_wage != null) parts.push(confidenceName(p.confidence));
  if (p.as_written && p.as_written !== p.name) {
    parts.push(t(`按最低工资文件中“${p.as_written}”的标准`, `at the minimum-wage notice's figure for "${p.as_written}"`));
  }
  return {
    // In English, the core's English name first, the Chinese one beside it (as signs show both).
    value: p.code ?? p.name, label: p.name_en ? t(p.name, `${p.name_en} (${p.name})`) : p.name,
    detail: parts.filter(Boolean).join(' · '),
    // Fields apart ("|"), so that what is typed matches within one of them.
    search: [p.name, p.full_name, p.name_en, p.full_name_en, p.as_written, p.code, ...(pinyinOf[p.name] ?? [])]
      .filter(Boolean).join('|'),
    confidence: p.confidence, place: p,
  };
}

// A county typed in 城市 is offered there too, under its city's name.
const cityOptions = () => places.map((p) => {
  if (p.level !== 'county') return placeOption(p);
  const parent = places.find((x) => x.code === p.parent);
  const option = placeOption(p);
  const parentName = parent && (parent.name_en ? t(parent.name, parent.name_en) : parent.name);
  return { ...option, typedOnly: true, detail: [parentName, option.detail].filter(Boolean).join(' · ') };
});

/** The city the county list is narrowed to: the picked one, else one named exactly. */
function cityCode() {
  if (cityBox.value()) return cityBox.value();
  const typed = $('place-city').value.trim();
  const exact = places.filter((p) => p.level === 'prefecture' && (p.name === typed || p.full_name === typed));
  return exact.length === 1 ? exact[0].code : '';
}

const countyOptions = () => {
  const city = cityCode();
  return places.filter((p) => p.level === 'county' && (!city || p.parent === city)).map(placeOption);
};

/** The request's `place`: the county's or city's code when picked, else the text typed. */
function readPlace() {
  if (countyBox.value()) return countyBox.value();
  const county = $('place-county').value.trim();
  if (county) {
    const city = $('place-city').value.trim();
    return city && !cityBox.value() ? `${city}${county}` : county;
  }
  return cityBox.value() || $('place-city').value.trim() || pendingPlace || '';
}

/** Shows a place (a code or a name) in the picker, as picked when the catalog lists it. */
function showPlace(place) {
  const p = places.find((x) => x.code === place || (!x.code && x.name === place));
  if (!p) {
    cityBox.text(place);
    countyBox.text('');
    return;
  }
  if (p.level === 'county') {
    const parent = places.find((x) => x.code === p.parent);
    if (parent) cityBox.set(placeOption(parent));
    else cityBox.text('');
    countyBox.set(placeOption(p));
  } else {
    cityBox.set(placeOption(p));
    countyBox.text('');
  }
}

/** Loads the places of the notice's province for the first intern's start date, then
 * shows a place waiting to be shown (restored inputs, an import, a candidate picked). */
let placesLoading = Promise.resolve();
async function refreshPlaces() {
  const province = noticeProvince();
  const asOf = placesAsOf();
  const key = `${province}|${asOf}`;
  if (province && key !== placesKey) {
    placesKey = key;
    placesLoading = catalog({ province, as_of: asOf }).then((answer) => {
      if (placesKey !== key) return;
      places = answer.places ?? [];
      cityBox.refresh();
      countyBox.refresh();
    });
  }
  await placesLoading;
  if (placesKey !== key || !pendingPlace) return;
  showPlace(pendingPlace);
  pendingPlace = '';
}

/** The notice in force for a province on a date, else its latest. */
function policyFor(province, date) {
  const list = policyList.filter((p) => p.province === province);
  return list.find((p) => p.effective_from <= date && (!p.effective_to || date <= p.effective_to))
    ?? [...list].sort((a, b) => b.effective_from.localeCompare(a.effective_from))[0];
}

function provinceChosen() {
  const province = $('place-province').value;
  if (form.mode.value === 'policy') $('policy').value = policyFor(province, placesAsOf())?.id ?? $('policy').value;
  cityBox.text('');
  countyBox.text('');
  pendingPlace = '';
  refreshPlaces();
}

function setUpPicker() {
  // Pinyin is a help to finding a place, not needed to pick one: without the file, names only.
  fetch('place-pinyin.json').then((r) => (r.ok ? r.json() : {})).then((readings) => {
    pinyinOf = readings;
    cityBox.refresh();
    countyBox.refresh();
  }, () => {});
  const count = (n) => t(`${n} 项可选`, `${n} matches`);
  cityBox = combobox($('place-city'), $('place-city-list'), $('place-city-count'), {
    options: cityOptions,
    countText: count,
    onPick: (option) => {
      countyBox.text('');
      pendingPlace = '';
      if (option?.place?.level === 'county') showPlace(option.place.code);
      if (option) changed();
    },
  });
  countyBox = combobox($('place-county'), $('place-county-list'), $('place-county-count'), {
    options: countyOptions,
    countText: count,
    onPick: (option) => {
      pendingPlace = '';
      if (option) {
        const parent = places.find((x) => x.code === option.place.parent);
        if (parent) cityBox.set(placeOption(parent));
        changed();
      }
    },
  });
  $('place-province').addEventListener('change', (e) => { e.stopPropagation(); provinceChosen(); changed(); });
}

function fillProvinces() {
  const chosen = $('place-province').value;
  $('place-province').replaceChildren(new Option(t('请选择省份', 'Choose a province'), ''),
    ...provincesWithNotice(rules.provinces, policyList).map((p) => new Option(provinceName(rules.provinces, p.id), p.id)));
  $('place-province').value = chosen || noticeProvince() || '';
}

/** Fills every list the catalog names (again after a language switch). */
function fillFromCatalog() {
  fillPolicyChoosers(policyList, $('policy'), null, rules.provinces);
  fillOptions($('wage_basis'), rules.wage_basis);
  fillCheckboxes($('region-flags'), 'region_flags', rules.region_flags);
  for (const select of traineeList.querySelectorAll('[name="category"]')) fillOptions(select, rules.categories);
  fillProvinces();
}

// ---- results ----------------------------------------------------------------

/** Who receives a line: the unit, or the intern's own account (上海, 新疆). */
const PAYEES = { unit: ['见习单位', 'the unit'], trainee: ['见习人员本人', 'the intern'] };
const payeeName = (payee) => t(...(PAYEES[payee] ?? [payee, payee]));
/** An item's name, with its payee when the money goes to the intern. */
const itemFor = (item, payee) => nameIn(rules.items, item)
  + (payee === 'trainee' ? t('（付给见习人员本人）', ' (paid to the intern)') : '');

/** Interns as people count them, by the numbers of their cards: 1, 1–3, 1、3. */
function internsLabel(trainees) {
  const list = [...new Set(trainees.map((i) => cardOfTrainee[i] ?? i))];
  const consecutive = list.every((n, i) => i === 0 || n === list[i - 1] + 1);
  const names = list.length === 1 ? String(list[0] + 1)
    : consecutive ? `${list[0] + 1}–${list.at(-1) + 1}` : list.map((n) => n + 1).join(t('、', ', '));
  if (trainees.length === 1) return t(`见习人员 ${names}`, `Intern ${names}`);
  return list.length === 1 ? t(`见习人员 ${names}（${trainees.length} 人，每人）`, `Intern ${names} (${trainees.length} alike; each)`)
    : t(`见习人员 ${names}（${trainees.length} 人，每人）`, `Interns ${names} (${trainees.length} alike; each)`);
}

/** The lines grouped by intern (line-groups.js): runs of like months, like interns once. */
function renderGroups(lines, order) {
  const rows = [];
  for (const group of groupLines(lines)) {
    group.runs.forEach((run, k) => {
      const tr = document.createElement('tr');
      if (k === 0) {
        const th = document.createElement('th');
        th.scope = 'rowgroup';
        th.rowSpan = group.runs.length + 1;
        th.textContent = internsLabel(group.trainees);
        tr.append(th);
      }
      const months = run.from === run.to ? run.from : `${run.from} – ${run.to}`;
      const cells = [t(`${months}（${run.months} 个月）`, `${months} (${run.months} month${run.months === 1 ? '' : 's'})`),
        // A whole amount a month (a flat sum, or 100% of the wage) needs no "× 100%".
        itemFor(run.item, run.payee), Number(run.rate) === 1 ? yuan(run.amount) : `${yuan(run.base)} × ${linePercent(run.rate)} = ${yuan(run.amount)}`,
        yuan(run.total)];
      for (const text of cells) tr.append(Object.assign(document.createElement('td'), { textContent: text }));
      const clause = document.createElement('td');
      clause.className = 'clause';
      const note = Object.assign(document.createElement('sup'), { className: 'print-only', textContent: `[${order.indexOf(run.rule) + 1}]` });
      clause.append(clauseButton(run.rule), note);
      tr.append(clause);
      Object.assign(tr.cells[tr.cells.length - 2].dataset, { value: String(run.total), label: t('金额', 'Amount') });
      rows.push(tr);
    });
    const sub = document.createElement('tr');
    sub.className = 'subtotal';
    const n = group.trainees.length;
    const td = Object.assign(document.createElement('td'), { colSpan: 5 });
    td.textContent = n === 1 ? t(`小计 ${yuan(group.subtotal)} 元`, `Subtotal ${yuan(group.subtotal)} yuan`)
      : t(`每人 ${yuan(group.subtotal)} 元 × ${n} 人 = ${yuan(group.subtotal * n)} 元`,
        `${yuan(group.subtotal)} yuan each × ${n} = ${yuan(group.subtotal * n)} yuan`);
    td.dataset.value = String(group.subtotal * n);
    sub.append(td);
    rows.push(sub);
  }
  $('line-groups').tBodies[0].replaceChildren(...rows);
  $('line-groups-box').hidden = rows.length === 0;
}

function render(answer) {
  markFirstResult();
  answer = { ...answer, errors: onCards(answer.errors), warnings: onCards(answer.warnings) };
  lastResult = answer;
  const { shown, pending } = splitPending(answer);
  // A figure's caveat is said once, as the line beside the wage used (renderWage).
  showFindings(form, { ...shown, warnings: shown.warnings.filter((f) => !CAVEATS.has(f.code)) }, $('general-findings'));
  const reason = refusal(answer, pending);
  const ok = !reason;
  // An answer that refuses shows no figure anywhere: items, lines, wages, charts, print.
  const result = ok ? answer : withoutFigures(answer);
  $('total').textContent = ok ? yuan(result.total) : pending.length && !shown.errors.length ? '—' : t('无法计算', 'cannot compute');
  $('total').dataset.value = ok ? String(result.total) : '';
  setText($('total-reason'), ...(ok ? notCounted(answer) ?? ['', ''] : reason));
  $('result').dataset.ok = String(ok);
  for (const unit of document.querySelectorAll('.total .unit, .bar-total .unit')) unit.hidden = !ok;
  renderNoticeUsed(answer);
  const r = result.retention;
  // Where the notice's retention rule was not found, a rate would explain nothing.
  const noRetentionRule = (result.unknown ?? []).some((u) => u.item === 'retention');
  $('retention-used').textContent = r && r.rate !== null && r.rate !== undefined && !noRetentionRule
    ? t(`留用率 ${percent(r.rate)}（${r.source === 'trainees' ? `${r.kept_on}/${r.completed} 人` : '按所填'}）`,
      `Retention ${percent(r.rate)} (${r.source === 'trainees' ? `${r.kept_on} of ${r.completed}` : 'as given'})`)
    : '';
  $('by-item').tBodies[0].replaceChildren(...Object.entries(result.by_item ?? {}).map(([item, amount]) => {
    const row = document.createElement('tr');
    row.dataset.item = item;
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = nameIn(rules.items, item);
    const td = document.createElement('td');
    td.textContent = yuan(amount);
    td.dataset.value = String(amount);
    row.append(th, td);
    return row;
  }));
  $('by-payee').hidden = !Object.keys(result.by_payee ?? {}).length;
  $('by-payee').tBodies[0].replaceChildren(...Object.entries(result.by_payee ?? {}).map(([payee, amount]) => {
    const row = document.createElement('tr');
    row.dataset.payee = payee;
    const td = Object.assign(document.createElement('td'), { textContent: yuan(amount) });
    td.dataset.value = String(amount);
    row.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: payeeName(payee) }), td);
    return row;
  }));
  $('interpretations').replaceChildren(...(result.interpretations ?? []).map((i) => {
    const li = document.createElement('li');
    li.append(msg(i), ' ', clauseButton(i.rule));
    return li;
  }));
  $('interpretations-box').hidden = !(result.interpretations ?? []).length;
  $('unknown').replaceChildren(...(result.unknown ?? []).map((u) => {
    const li = document.createElement('li');
    li.dataset.item = u.item ?? '';
    li.append(msg(u), ' ', clauseButton(u.rule));
    return li;
  }));
  $('unknown-box').hidden = !(result.unknown ?? []).length;
  const cited = [...(result.lines ?? []).map((l) => l.rule), ...(result.interpretations ?? []).map((i) => i.rule),
    ...(result.unknown ?? []).map((u) => u.rule), ...[...(result.errors ?? []), ...(result.warnings ?? [])].map((f) => f.rule)]
    .filter(Boolean);
  const order = [...new Set(cited)];
  $('lines').tBodies[0].replaceChildren(...(result.lines ?? []).map((line) => {
    const row = document.createElement('tr');
    const cells = [String((cardOfTrainee[line.trainee] ?? line.trainee) + 1), line.month, itemFor(line.item, line.payee), yuan(line.base),
      linePercent(line.rate), yuan(line.amount), line.rule, t(line.note, line.note_en)];
    const heads = [...$('lines').tHead.rows[0].cells].map((th) => th.textContent);
    cells.forEach((text, i) => {
      const td = document.createElement('td');
      if (i === 6) {
        const note = document.createElement('sup');
        note.className = 'print-only';
        note.textContent = `[${order.indexOf(line.rule) + 1}]`;
        td.append(clauseButton(line.rule), note);
      } else {
        td.textContent = text;
      }
      td.dataset.label = heads[i]; // shown before the value when the table becomes cards on a phone
      row.append(td);
    });
    row.cells[5].dataset.value = String(line.amount);
    row.cells[6].className = 'clause';
    return row;
  }));
  renderGroups(result.lines ?? [], order);
  const footnotes = clauseFootnotes(order, $('footnotes'));
  document.body.dataset.footnotes = 'pending';
  footnotes.then(() => { if (lastResult === result) document.body.dataset.footnotes = String(order.length); });
  $('by-item').hidden = !Object.keys(result.by_item ?? {}).length;
  $('lines-details').hidden = !(result.lines ?? []).length;
  renderWage(result);
  markPlaceBoxes();
  offerCandidates(result);
  showWageField(result);
  showPayFields();
  renderSummaryBar(result, shown, pending, ok);
  renderPrintInputs(readRequest());
}

/** The focusable field a finding's path names (or its nearest parent's). */
function fieldFor(path) {
  let p = path ?? '';
  while (p) {
    const box = form.querySelector(`[data-path="${p.replace(/["\\]/g, '\\$&')}"]`);
    if (box) return box.matches('input,select,textarea') ? box : box.querySelector('input:not([type="hidden"]),select,textarea');
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return null;
}

// ---- what is shown before the person has touched a field ---------------------

const touched = new Set();  // data-path of every field the person has edited

function touch(e) {
  const box = e.target.closest?.('[data-path]');
  if (box) touched.add(box.dataset.path);
}

/** The path of the field box an input sits in. */
const boxPath = (input) => input?.closest('[data-path]')?.dataset.path ?? '';

/**
 * Errors about a field still empty and never touched are not mistakes yet: they are
 * what is still needed, listed as such and not marked on the field.
 */
function splitPending(result) {
  const pending = (result.errors ?? []).filter((f) => {
    if (!/\.missing$|^field\.required$|^date\.invalid$/.test(f.code)) return false;
    // Untyped, the date is the earliest complete intern's start: asked for, it waits on a card.
    if (f.path === '/as_of' && $('as_of').value === '') return true;
    if (f.code === 'policy.missing' || f.path === '/as_of') return !$('place-province').value || !earliestStart();
    const field = fieldFor(f.path);
    if (!field || field.value !== '') return false;
    if (f.path === '/place' || f.path?.startsWith('/min_wage')) return !touched.has('/place') && !touched.has(boxPath(field));
    return !touched.has(boxPath(field));
  });
  return { pending, shown: { ...result, errors: (result.errors ?? []).filter((f) => !pending.includes(f)) } };
}

/** What is still needed, as links to the fields: "still needed: province, start date (intern 1)". */
function neededList(pending) {
  const box = document.createElement('div');
  box.className = 'needed';
  const head = document.createElement('p');
  head.className = 'bar-needed';
  head.textContent = t('还需填写：', 'Still needed:');
  const list = document.createElement('ul');
  const seen = new Set();
  for (const f of pending) {
    // A notice is chosen by province and start date: with the province chosen, the start date is what is missing.
    const byProvince = f.code === 'policy.missing' || f.path === '/as_of';
    const field = byProvince ? ($('place-province').value ? null : $('place-province')) : fieldFor(f.path);
    if (!field || seen.has(field)) continue;
    seen.add(field);
    const label = field.labels?.[0]?.textContent?.trim() ?? '';
    const intern = field.closest('li.trainee')?.querySelector('.number')?.textContent;
    const a = document.createElement('a');
    a.href = `#${field.id}`;
    a.textContent = intern ? t(`${label}（见习人员 ${intern}）`, `${label} (intern ${intern})`) : label;
    a.addEventListener('click', (e) => { e.preventDefault(); field.focus(); });
    const li = document.createElement('li');
    li.append(a);
    list.append(li);
  }
  box.append(head, list);
  return box;
}

/** The reason no figure is shown, [zh, en], or null. */
function refusal(answer, pending) {
  return refusalOf(answer, { pending });
}

/** The answer as the page draws it: one the page refuses keeps no figure and says it is refused. */
function shownAnswer(answer) {
  return refusal(answer, []) ? { ...withoutFigures(answer), refused: true } : answer;
}

/** Which notice the answer used, by its title and document number; in print, with the day it was made. */
function renderNoticeUsed(answer) {
  const policy = policyList.find((p) => p.id === answer.policy);
  const made = today();
  setText($('print-made'), `测算日期：${made}${policy ? `；依据《${policy.title}》${policy.document ?? ''}` : ''}`,
    `Made on ${made}${policy ? `; under ${policy.title_en}${policy.document ? ` (${policy.document})` : ''}` : ''}`);
  const box = $('notice-used');
  const province = noticeProvince();
  const noneHeld = province && !policyList.some((p) => p.province === province);
  showKnown($('known-level'), policy ? knownOf(policy) : noneHeld ? 'none' : null);
  if (!policy) {
    const none = (answer.errors ?? []).find((f) => f.code === 'policy.none_in_force');
    if (none) setText(box, ...withBoth(none));
    else setText(box, '按所在省份和第一位见习人员的开始日期自动选用。', 'Chosen from the place and the first intern\'s start date.');
    return;
  }
  const how = form.mode.value === 'policy' ? ['所指定的通知：', 'The notice you named: ']
    : ['按所在省份和见习开始日期选用：', 'In force in the province on the start date: '];
  const period = `${policy.effective_from} – ${policy.effective_to ?? ''}`;
  if (lang() === 'en') {
    const doc = Object.assign(document.createElement('span'), { lang: 'zh-CN', textContent: policy.document ?? '' });
    box.replaceChildren(`${how[1]}${policy.title_en} `, ...(policy.document ? ['(', doc, ') '] : []), `in force ${period}`);
  } else {
    box.replaceChildren(`${how[0]}《${policy.title}》${policy.document ?? ''}（${period}）`);
  }
  box.dataset.policy = policy.id;
}

const withBoth = (finding) => ['zh', 'en'].map((language) => withLanguage(language, () => msg(finding)));

/** Kept in view while the form is edited: the total, its status, by item, and what is missing. */
function renderSummaryBar(result, shown, pending, ok) {
  $('bar-total').textContent = ok ? yuan(result.total) : $('total').textContent;
  $('bar-total').dataset.value = ok ? String(result.total) : '';
  const status = ok ? estimateStatus(result, rules.items)
    : shown.errors.some((f) => f.code !== 'policy.none_in_force') ? ['', ''] : [$('total-reason').dataset.zh, $('total-reason').dataset.en];
  setText($('bar-status'), ...status);
  $('bar-status').dataset.state = ok ? (status[0].startsWith('估算') ? 'caveats' : 'complete') : 'refused';
  $('bar-items').replaceChildren(...Object.entries(result.by_item ?? {}).map(([item, amount]) => {
    const li = document.createElement('li');
    li.dataset.item = item;
    li.append(`${nameIn(rules.items, item)} `, Object.assign(document.createElement('span'), { textContent: yuan(amount) }));
    return li;
  }));
  // No notice in force is the reason itself (in the status), not something to fix.
  const errors = (shown.errors ?? []).filter((f) => f.code !== 'policy.none_in_force');
  const box = $('bar-missing');
  box.dataset.count = String(errors.length);
  box.dataset.pending = String(pending.length);
  box.replaceChildren();
  if (pending.length) box.append(neededList(pending));
  if (!errors.length) return;
  const head = document.createElement('p');
  head.className = 'bar-count';
  head.textContent = t(`还需补正 ${errors.length} 项`, errors.length === 1 ? '1 thing to fix' : `${errors.length} things to fix`);
  const list = document.createElement('ul');
  for (const f of errors.slice(0, 3)) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = '#estimate-form';
    a.dataset.path = f.path ?? '';
    a.textContent = msg(f);
    a.addEventListener('click', (e) => {
      const field = fieldFor(f.path);
      if (!field) return;
      e.preventDefault();
      field.closest('details')?.setAttribute('open', '');
      field.focus();
      field.scrollIntoView({ block: 'center' });
    });
    li.append(a);
    list.append(li);
  }
  box.append(head, list);
}

/** The inputs as plain values, for printing after the answer. */
function renderPrintInputs(request) {
  const rows = [];
  const add = (term, value) => { if (value !== undefined && value !== '' && value !== null) rows.push([term, String(value)]); };
  const policy = policyList.find((p) => p.id === (request.policy ?? lastResult?.policy));
  add(t('通知', 'Notice'), policy ? `${t(policy.title, policy.title_en)} ${policy.document ?? ''}`.trim() : request.policy);
  if (request.province) add(t('省份和日期', 'Province and date'), `${provinceName(rules.provinces, request.province)} ${request.as_of ?? ''}`);
  add(t('地点', 'Place'), lastResult?.place?.name ?? request.place);
  add(t('最低工资标准调整时', 'When the minimum wage changes'), nameIn(rules.wage_basis, request.wage_basis ?? rules.wage_basis?.[0]?.id));
  add(t('月最低工资（所填）', 'Monthly minimum wage (given)'), request.min_wage);
  add(t('最低工资档次', 'Minimum-wage tier'), request.wage_tier);
  add(t('基础补贴比例', 'Base rate'), request.base_rate === undefined ? undefined : percent(request.base_rate));
  add(t('留用率（所填）', 'Retention rate (given)'), request.retention_rate === undefined ? undefined : percent(request.retention_rate));
  add(t('地区类型', 'Region'), (request.region_flags ?? []).map((f) => nameIn(rules.region_flags, f)).join('、'));
  (request.trainees ?? []).forEach((tr, i) => {
    const bits = [nameIn(rules.categories, tr.category), `${tr.start || '?'} – ${tr.end || '?'}`];
    if (tr.left_on) bits.push(t(`${tr.left_on} 离岗`, `left on ${tr.left_on}`));
    if (tr.absent_days?.length) bits.push(t(`缺勤 ${tr.absent_days.join('、')}`, `absent ${tr.absent_days.join(', ')}`));
    if (tr.insurance_premium !== undefined) bits.push(t(`保费 ${yuan(tr.insurance_premium)} 元`, `premium ${yuan(tr.insurance_premium)} yuan`));
    if (tr.monthly_pay !== undefined) bits.push(t(`每月实际支付 ${yuan(tr.monthly_pay)} 元`, `pays ${yuan(tr.monthly_pay)} yuan a month`));
    if (tr.flexible_insurance_monthly !== undefined) bits.push(t(`灵活就业社保 ${yuan(tr.flexible_insurance_monthly)} 元/月`, `flexible insurance ${yuan(tr.flexible_insurance_monthly)} yuan a month`));
    bits.push(tr.retained ? t('留用', 'kept on') : t('未留用', 'not kept on'));
    if (tr.contract) bits.push(t(`合同 ${tr.contract.signed_on} 起 ${tr.contract.years} 年`, `contract from ${tr.contract.signed_on}, ${tr.contract.years} years`));
    add(`${t('见习人员', 'Intern')} ${i + 1}`, bits.join('；'));
  });
  $('print-inputs-list').replaceChildren(...rows.flatMap(([term, value]) => [
    Object.assign(document.createElement('dt'), { textContent: term }),
    Object.assign(document.createElement('dd'), { textContent: value }),
  ]));
}

/** A finding about the place describes both boxes; an error marks the ones filled in. */
function markPlaceBoxes() {
  const picker = form.querySelector('.place-picker');
  const list = picker.querySelector(':scope > ul.beside');
  for (const input of [$('place-city'), $('place-county')]) {
    input.setAttribute('aria-describedby', list ? `place-hint ${list.id}` : 'place-hint');
    if (picker.dataset.hasFinding === 'error' && input.value.trim()) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

const CAVEATS = new Set(['min_wage.caveat', 'min_wage.area_caveat']);
// Errors the user answers with the month's minimum wage (or, for a tier, wage_tier).
const ASKS_FOR_WAGE = new Set(['min_wage.unconfirmed', 'min_wage.tier_unknown']);

/** The month's wage-table entry: the one with the line's base that was in force last. */
function sourceFor(sources, month, base) {
  const same = sources.filter((s) => s.amount === base);
  return same.filter((s) => s.effective <= `${month}-31`).sort((a, b) => b.effective.localeCompare(a.effective))[0] ?? same[0];
}

/** An error asking for the month's figure, with a link to the field that takes it. */
function askedFigure(f) {
  const li = document.createElement('li');
  li.className = 'finding error';
  li.dataset.code = f.code;
  const go = document.createElement('a');
  go.href = '#min_wage';
  go.textContent = t('填写该标准', 'Give the figure');
  go.addEventListener('click', (e) => { e.preventDefault(); $('min_wage').focus(); });
  li.append(msg(f), ' ', go);
  return li;
}

/** The figures' caveats as one plain line: the figure or its start date, or only the place's tier, not from an official text. */
function wageCaveatLine(caveats) {
  const figure = caveats.some((f) => f.code === 'min_wage.caveat');
  return caveatLine(figure ? t('所用最低工资标准或其施行日期未见官方原文，请向当地人社部门核实。', 'The minimum wage used, or the day it took effect, is not from an official text: check it with the local office.')
    : t('所在地的最低工资档次未能与官方原文核对，请向当地人社部门核实。', "The place's minimum-wage tier could not be checked against an official text: check it with the local office."), caveats);
}

/** Beside the total: the minimum wage each month, with its source and confidence. */
function renderWage(result) {
  const sources = result.min_wage_sources ?? [];
  const given = readRequest().min_wage;
  const months = new Map();
  for (const line of result.lines ?? []) {
    const known = sources.some((s) => s.amount === line.base) || (given !== undefined && line.base === given);
    if (known && !months.has(line.month)) months.set(line.month, line.base);
  }
  const groups = [];
  for (const [month, base] of [...months.entries()].sort()) {
    const source = sources.length ? sourceFor(sources, month, base) : null;
    const last = groups[groups.length - 1];
    if (last && last.base === base && last.source === source) last.to = month;
    else groups.push({ from: month, to: month, base, source });
  }
  const place = result.place;
  $('wage-place').replaceChildren(...(place ? [t('地点：', 'Place: '), place.name_en && lang() === 'en' ? place.name_en : zh(place.name),
    `${place.urban ? t('（市区）', ' (urban districts)') : ''}${place.code ? t(`（${place.code}）`, ` (${place.code})`) : ''}`] : []));
  $('wage-months').replaceChildren(...groups.map((g) => {
    const li = document.createElement('li');
    li.dataset.amount = String(g.base);
    li.dataset.from = g.from;
    li.dataset.to = g.to;
    const head = document.createElement('strong');
    head.textContent = `${g.from === g.to ? g.from : `${g.from} – ${g.to}`}　${yuan(g.base)} ${t('元/月', 'yuan a month')}`;
    li.append(head);
    const detail = document.createElement('span');
    detail.className = 'wage-detail';
    if (g.source) {
      li.dataset.confidence = g.source.confidence;
      detail.textContent = [g.source.city ? t(g.source.city, g.source.city_en ?? g.source.city) : tierName(g.source.tier), t(`${g.source.effective} 起`, `from ${g.source.effective}`),
        confidenceName(g.source.confidence)].filter(Boolean).join(' · ');
      li.append(detail);
    } else {
      li.dataset.confidence = 'given';
      detail.textContent = t('按所填月最低工资', 'the monthly minimum wage you gave');
      li.append(detail);
    }
    return li;
  }));
  const caveats = (result.warnings ?? []).filter((f) => CAVEATS.has(f.code));
  const asked = (result.errors ?? []).filter((f) => ASKS_FOR_WAGE.has(f.code));
  $('wage-caveats').replaceChildren(...asked.map(askedFigure), ...(caveats.length ? [wageCaveatLine(caveats)] : []));
  // The place alone, with no month priced at a minimum wage, is no answer to the box's title.
  $('wage-used').hidden = !groups.length && !caveats.length && !asked.length;
  renderSources(result);
}

/** The research trail behind the figures used: sources, confidence, notes; collapsed. */
function renderSources(result) {
  const notes = [...(result.warnings ?? []), ...(result.errors ?? [])].filter((f) => TRAILS.has(f.code))
    .map((f) => researchTrail(f, rawMsg(f)));
  for (const s of result.min_wage_sources ?? []) {
    const where = s.city ? [s.city, s.city_en ?? s.city] : [`第${s.tier}类`, `tier ${s.tier}`];  // a city's own figure has no tier
    notes.push(t(`最低工资 ${s.amount} 元（${where[0]}，${s.effective} 起），可信度 ${confidenceWord(s.confidence)}：${s.source}`,
      `Minimum wage ${s.amount} yuan (${where[1]}, from ${s.effective}), confidence ${s.confidence}: ${s.source}`));
  }
  $('sources-list').replaceChildren(...[...new Set(notes)].map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  $('sources').hidden = !notes.length;
}

const confidenceWord = (c) => ({ high: '高', medium: '中', low: '低' }[c] ?? c);

/** An ambiguous place: one button per candidate the core names, each picking its code. */
function offerCandidates(result) {
  for (const item of form.querySelectorAll('li.finding[data-code="place.ambiguous"]')) {
    const finding = result.errors.find((f) => f.code === 'place.ambiguous');
    const found = [...(finding?.message ?? '').matchAll(/([^：:、，,\s（(]+)[（(](\d{6})[）)]/g)];
    if (!found.length) continue;
    const box = document.createElement('div');
    box.className = 'candidates';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', t('可选地点', 'Candidates'));
    for (const [, name, code] of found) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.code = code;
      button.textContent = `${name}（${code}）`;
      button.addEventListener('click', () => {
        pendingPlace = code;
        refreshPlaces().then(() => { $('place-county').focus(); evaluateNow(); });
      });
      box.append(button);
    }
    item.append(box);
  }
}

/** The minimum-wage field shows when it holds a figure or the core asks about it. */
function showWageField(result) {
  const field = $('min-wage-field');
  const about = (f) => f.path === '/min_wage' || ASKS_FOR_WAGE.has(f.code);
  const asked = [...(result.errors ?? []), ...(result.warnings ?? [])].some(about);
  field.hidden = !asked && $('min_wage').value === '';
  field.classList.toggle('asked', (result.errors ?? []).some(about));
  const more = $('more-options');
  const busy = [...more.querySelectorAll('input')].some((i) => (i.type === 'checkbox' ? i.checked : i.value !== ''))
    || more.querySelector('[data-has-finding]');
  if (busy) more.open = true;
}

/**
 * The pay the unit gives shows only where the notice caps at it: the core asks for it
 * (a finding placed on the field), or it holds a figure.
 */
function showPayFields() {
  for (const field of traineeList.querySelectorAll('[data-field="monthly_pay"]')) {
    field.hidden = !field.dataset.hasFinding && field.querySelector('input').value === '';
  }
}

/** The monthly minimum wage the headline used (its first line's base), if any. */
function headlineWage(result) {
  const lines = result?.lines ?? [];
  const line = lines.find((l) => l.item === 'position') ?? lines.find((l) => l.item === 'retention_uplift');
  return line ? line.base : undefined;
}

function renderCharts(request) {
  const started = performance.now();
  const headline = lastResult;
  $('charts').hidden = $('result').dataset.ok !== 'true';
  if ($('charts').hidden) {
    for (const id of ['chart-retention', 'chart-provinces', 'chart-retention-note', 'chart-provinces-note']) $(id).replaceChildren();
    return;
  }
  const errorLabel = t('无法计算', 'cannot compute');
  // Against retention: the headline first (retention as the page worked it out), then
  // the same request with a flat retention_rate from 0% to 100%.
  const rates = Array.from({ length: 11 }, (_, i) => i / 10);
  const sweep = jianxi.evaluate(rates.map((rate) => ({ ...request, retention_rate: rate })));
  const given = request.retention_rate;
  const r = headline?.retention;
  const used = r && r.rate != null
    ? (r.source === 'trainees' ? t(`按见习人员计算：${r.kept_on}/${r.completed} 人留用，${percent(r.rate)}`,
      `from the interns: ${r.kept_on} of ${r.completed} kept on, ${percent(r.rate)}`) : t(`按所填 ${percent(r.rate)}`, `as given, ${percent(r.rate)}`))
    : t('未用到留用率', 'no retention rate used');
  const bars = [];
  if (given === undefined) {
    bars.push({ label: t('本次测算', 'This estimate'), value: headline?.total ?? 0, current: true, headline: true,
      error: headline?.ok ? undefined : msg(headline?.errors?.[0] ?? { message: '—' }), note: used });
  }
  sweep.forEach((res, i) => bars.push({
    label: t(`留用率 ${percent(rates[i])}`, `retention ${percent(rates[i])}`), value: res.total ?? 0,
    error: res.ok && !res.errors.length ? undefined : msg(res.errors[0] ?? { message: '—' }), current: given === rates[i],
  }));
  const retentionChart = barChart(bars, { title: t('留用率与测算', 'Estimate by retention rate'), format: yuan, errorLabel });
  retentionChart.querySelector('li')?.setAttribute('data-headline', given === undefined ? 'true' : 'false');
  $('chart-retention').replaceChildren(retentionChart);
  setText($('chart-retention-note'),
    `第一行为本次测算（留用率${used}）；其余各行改按单位整体留用率 0%–100% 计算，其他输入不变。`,
    `The first row is this estimate (retention ${used}); the other rows set one retention rate for the whole unit, 0%–100%, all else unchanged.`);
  const figures = sweep.filter((res) => res.ok && !res.errors.length).map((res) => res.total);
  if (figures.length === sweep.length && new Set(figures).size === 1) {
    const note = $('chart-retention-note');
    setText(note, `${note.dataset.zh}按这份通知，留用率不影响补贴金额。`, `${note.dataset.en} Under this notice the retention rate does not change the subsidy.`);
    note.dataset.flat = 'true';
  }
  if (given !== undefined) {
    setText($('chart-retention-note'), `各行按单位整体留用率 0%–100% 计算；所填 ${percent(given)} 即本次测算。`,
      `Each row sets one retention rate for the whole unit, 0%–100%; the ${percent(given)} given is this estimate.`);
  }

  // Across notices: the same interns at the same monthly minimum wage (the one this
  // estimate used), since a place belongs to one province only.
  const wage = request.min_wage ?? headlineWage(headline);
  const base = { ...request };
  delete base.province;
  delete base.as_of;
  delete base.place;
  delete base.city;
  delete base.wage_tier;
  if (wage !== undefined) base.min_wage = wage;
  const across = jianxi.evaluate(policyList.map((p) => ({ ...base, policy: p.id })));
  // A notice out of force for every intern's dates is marked, never drawn as a bar, also
  // before its province is loaded (the core refuses it then; with some interns inside its
  // period, the bar gives the core's own reason).
  const lastDay = (tr) => (tr.left_on && tr.left_on < tr.end && !tr.contract ? tr.left_on : tr.end);
  const outOfForce = policyList.map((p) => request.trainees.every((tr) =>
    (p.effective_to && tr.start > p.effective_to) || (lastDay(tr) && lastDay(tr) < p.effective_from)));
  $('chart-provinces').replaceChildren(barChart(across.map((res, i) => ({
    label: `${provinceName(rules.provinces, policyList[i].province)} ${policyList[i].id.split('-')[1]}`,
    value: res.total ?? 0,
    error: outOfForce[i] ? t('该通知在这些日期不在有效期内', 'not in force on these dates')
      : res.ok && !res.errors.length ? undefined : msg(res.errors[0] ?? { message: '—' }),
    current: policyList[i].id === headline?.policy,
    note: [(res.warnings ?? []).some((f) => f.code === 'policy.outside_effective_period')
      && t('部分日期不在该通知有效期内', 'partly outside its period in force'),
    (res.warnings ?? []).some((f) => f.code === 'policy.rate_unstated')
      && t('通知未写明补贴比例，按假定比例估算', 'the notice states no rate; an assumed rate')]
      .filter(Boolean).join('；') || undefined,
  })), { title: t('各省通知下的测算', 'Estimate under each notice'), format: yuan, errorLabel }));
  if (wage !== undefined) {
    setText($('chart-provinces-note'), `各通知均按同一月最低工资 ${yuan(wage)} 元（本次测算所用）计算，不按各省地点；只比较各通知的补贴办法。`,
      `Every notice at the same monthly minimum wage, ${yuan(wage)} yuan (the one this estimate used), not at a place in each province: only the notices' rules differ.`);
  } else {
    setText($('chart-provinces-note'), '本次测算没有可用的最低工资标准，各通知按未指定地点计算。',
      'This estimate has no minimum wage to compare at; each notice is asked without a place.');
  }
  document.body.dataset.chartMs = String(Math.round(performance.now() - started));
}

const chartsLater = debounce(renderCharts, 250);

const BLANK = { trainees: [{}] };

/**
 * Restored or example inputs count as typed: their mistakes are shown at once. A field
 * restored empty was never typed in, and stays among what is still needed.
 */
function markTouched() {
  const holdsInput = (box) => [...box.querySelectorAll('input, select, textarea')]
    .some((i) => (i.type === 'checkbox' || i.type === 'radio' ? i.checked : i.value !== ''));
  for (const box of form.querySelectorAll('[data-path]')) if (holdsInput(box)) touched.add(box.dataset.path);
}

/** The example is labelled as such while the form still holds it unchanged. */
let exampleText = null;
async function renderExampleNote(request) {
  exampleText ??= JSON.stringify(stripDerived(await exampleRequest()));
  const same = JSON.stringify(stripDerived(request)) === exampleText;
  $('example-note').hidden = !same;
  document.body.dataset.example = String(same);
}

const stripDerived = (request) => {
  const { kind, as_of: asOf, ...rest } = request;
  return { ...rest, trainees: (rest.trainees ?? []).map((tr) => ({ retained: false, ...tr })) };
};

function evaluateNow() {
  const request = readRequest();
  renderExampleNote(request);
  save(PAGE, request);
  $('request-json').textContent = JSON.stringify(request, null, 1);
  const result = jianxi.evaluate(request);
  render(result);
  chartsLater(request);
  return result;
}

const changed = debounce(evaluateNow, 120);

// ---- import -----------------------------------------------------------------

/**
 * Checks an imported file before anything on the page changes: it must be JSON, an
 * object, a subsidy request (or one without a kind) with a list of interns, and one
 * the core does not call malformed. Resolves to the request or to a problem to show.
 */
export function checkImport(text) {
  let request;
  try {
    request = JSON.parse(text);
  } catch (err) {
    return { problem: [`不是有效的 JSON（${err.message}）。`, `Not valid JSON (${err.message}).`] };
  }
  if (!request || typeof request !== 'object' || Array.isArray(request)) {
    return { problem: ['文件内容不是一份测算输入（应为一个 JSON 对象）。', 'The file is not a set of estimate inputs (a JSON object is expected).'] };
  }
  if (request.kind !== undefined && request.kind !== 'subsidy') {
    return { problem: [`这是“${request.kind}”类请求，不是补贴测算输入。`, `This is a "${request.kind}" request, not estimate inputs.`] };
  }
  if (!Array.isArray(request.trainees) || request.trainees.some((tr) => !tr || typeof tr !== 'object' || Array.isArray(tr))) {
    return { problem: ['文件中没有见习人员列表（trainees）。', 'The file has no list of interns (trainees).'] };
  }
  const answer = jianxi.evaluate({ ...request, kind: 'subsidy' });
  const malformed = (answer.errors ?? []).find((f) => f.code.startsWith('request.'));
  if (malformed) return { problem: [`文件内容有误：${malformed.message}`, `The file is malformed: ${malformed.message_en}`] };
  return { request: { ...request, kind: 'subsidy' } };
}

let undoRequest = null;

function importStatus(kind, zhText, enText, withUndo) {
  const box = $('import-status');
  box.dataset.state = kind;
  box.className = `no-print import-${kind}`;
  const text = document.createElement('span');
  setText(text, zhText, enText);
  box.replaceChildren(text);
  if (withUndo) {
    const undo = document.createElement('button');
    undo.type = 'button';
    undo.id = 'undo-import';
    setText(undo, '撤销导入', 'Undo the import');
    undo.addEventListener('click', () => {
      if (!undoRequest) return;
      fillForm(undoRequest);
      undoRequest = null;
      evaluateNow();
      importStatus('undone', '已恢复导入前的输入。', 'The inputs from before the import are back.', false);
    });
    box.append(' ', undo);
  }
}

async function importFile(file) {
  const name = file.name;
  let text;
  try {
    text = await file.text();
  } catch (err) {
    importStatus('error', `无法读取 ${name}：${err.message}。原有输入未改动。`, `Cannot read ${name}: ${err.message}. Your inputs are unchanged.`, false);
    return;
  }
  const { request, problem } = checkImport(text);
  if (problem) {
    importStatus('error', `未导入 ${name}：${problem[0]} 原有输入未改动。`, `${name} was not imported: ${problem[1]} Your inputs are unchanged.`, false);
    return;
  }
  undoRequest = readRequest();
  fillForm(request);
  await refreshPlaces();
  evaluateNow();
  importStatus('done', `已导入 ${name}。`, `${name} imported.`, true);
}

// ---- wiring -----------------------------------------------------------------

async function exampleRequest() {
  const response = await fetch('examples/estimate.json');
  return response.json();
}

async function start() {
  const loadStarted = performance.now();
  initLanguage(() => {
    fillFromCatalog();
    cityBox.refresh();
    countyBox.refresh();
    if (lastResult) {
      render(lastResult);
      renderCharts(readRequest());
    }
  });
  [jianxi, rules] = await Promise.all([engine(), catalog({ sections: ['policies', 'vocabulary'] })]);
  policyList = rules.policies;
  learnNotices(policyList, rules.provinces);
  setUpPicker();
  fillFromCatalog();
  onRulesLoaded(() => evaluateNow());  // a province's rules arrived after the page asked
  const saved = load(PAGE);
  fillForm(saved ?? BLANK);
  if (saved) markTouched();
  await refreshPlaces();
  const noticeChanged = (e) => {
    const before = $('place-province').value;
    // Switching to the expert mode starts from the notice for the province already
    // chosen, so what was typed for the place stays.
    if (e?.target.name === 'mode' && form.mode.value === 'policy' && before) {
      const id = policyFor(before, placesAsOf())?.id;
      if (id) $('policy').value = id;
    }
    showMode();
    if ($('place-province').value !== before) {
      cityBox.text('');
      countyBox.text('');
      pendingPlace = '';
    }
    refreshPlaces();
  };
  form.addEventListener('input', (e) => { if (e.target.name === 'mode') noticeChanged(e); changed(); });
  form.addEventListener('change', (e) => {
    if (e.target.name === 'mode' || e.target.id === 'policy') noticeChanged(e);
    if (e.target.name === 'start') refreshPlaces();
    changed();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', touch);
  form.addEventListener('change', touch);
  form.addEventListener('focusout', (e) => { if (e.target.value) touch(e); });
  $('add-trainee').addEventListener('click', () => {
    addTrainee({ start: '', end: '' }).querySelector('select').focus();
    changed();
  });
  $('load-example').addEventListener('click', async () => {
    fillForm(await exampleRequest());
    markTouched();
    evaluateNow();
    document.body.dataset.examples = String(Number(document.body.dataset.examples ?? 0) + 1);
  });
  const startOver = () => { touched.clear(); fillForm(BLANK); evaluateNow(); };
  $('clear').addEventListener('click', startOver);
  $('clear-example').addEventListener('click', () => { startOver(); $('place-province').focus(); });
  $('export').addEventListener('click', () => download('jianxi-estimate.json', `${JSON.stringify(readRequest(), null, 1)}\n`));
  $('import').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (file) importFile(file);
  });
  $('print').addEventListener('click', () => window.print());
  evaluateNow();
  renderCharts(readRequest());
  const ms = Math.round(performance.now() - loadStarted);
  document.body.dataset.firstResultMs = String(ms);
  form.inert = false;
  form.classList.remove('loading');
  setText(status, '可以开始填写。', 'Ready: fill in the form.');
  // The panel below the result is drawn from the answer as the page shows it: refused, no figure.
  await initHandoff({ readRequest, evaluate: (r) => shownAnswer(jianxi.evaluate(r)), form, after: $('result') });
  document.body.dataset.ready = 'true';
}

start().catch((err) => {
  console.warn(err);
  loadFailed(status, form);
  clearFindings(form);
});
