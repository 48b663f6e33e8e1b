// The graduate's eligibility page: a short form read into an `eligibility` request;
// the verdict, its reasons and clauses, and the ID number checked on every keystroke
// by the core itself (GB 11643: length, characters, MOD 11-2 check, birth date).
import { catalog, engine, markFirstResult } from './engine.js';
import { showFindings } from './findings.js';
import { debounce, nameIn } from './format.js';
import { initLanguage, msg, t, setText } from './i18n.js';
import { fillCheckboxes, fillOptions, fillPolicyChoosers } from './policy-choice.js';
import { load, save } from './store.js';
import { initHandoff } from './handoff.js';

const PAGE = 'eligibility';
const form = document.getElementById('eligibility-form');
const $ = (id) => document.getElementById(id);
const FLAGS = ['employed', 'registered_unemployed', 'returned_from_abroad', 'previous_internship'];
let jianxi;
let rules = {};
let lastResult = null;

export function readRequest() {
  const request = { kind: 'eligibility', policy: $('policy').value, as_of: $('as_of').value };
  const id = $('id_number').value.trim().toUpperCase();
  if (id) request.id_number = id;
  else if ($('birth_date').value) request.birth_date = $('birth_date').value;
  request.education = $('education').value;
  if ($('graduated_on').value) request.graduated_on = $('graduated_on').value;
  for (const flag of FLAGS) request[flag] = form[flag].checked;
  const regions = [...form.querySelectorAll('[name="region_flags"]:checked')].map((c) => c.value);
  if (regions.length) request.region_flags = regions;
  if ($('planned_months').value) request.planned_months = Number($('planned_months').value);
  return request;
}

function fillForm(request) {
  if (request.policy) $('policy').value = request.policy;
  for (const id of ['as_of', 'id_number', 'birth_date', 'graduated_on', 'planned_months']) $(id).value = request[id] ?? '';
  if (request.education) $('education').value = request.education;
  for (const flag of FLAGS) form[flag].checked = Boolean(request[flag]);
  for (const c of form.querySelectorAll('[name="region_flags"]')) c.checked = (request.region_flags ?? []).includes(c.value);
}

function renderIdState(result) {
  const state = $('id-state');
  const id = $('id_number').value.trim();
  const finding = [...result.errors, ...result.warnings].find((f) => f.path === '/id_number');
  state.dataset.state = !id ? '' : finding ? 'bad' : 'good';
  state.textContent = !id ? '' : finding ? '' : t(`号码有效（${id.length}位，校验位正确）`, 'The number is valid (check character correct)');
}

function render(result) {
  markFirstResult();
  lastResult = result;
  showFindings(form, result, $('general-findings'));
  renderIdState(result);
  const verdict = $('verdict-text');
  const blocked = result.errors.some((f) => f.path !== '/id_number' || !$('id_number').value);
  verdict.dataset.eligible = String(result.eligible);
  verdict.textContent = result.eligible
    ? t('符合参加就业见习的条件', 'You qualify for an internship')
    : result.errors.length ? t('暂不能判断：请先改正标出的错误', 'Cannot decide yet: correct the marked errors first')
      : t('不符合参加就业见习的条件', 'You do not qualify');
  verdict.dataset.blocked = String(blocked || result.errors.length > 0);
  const bits = [];
  if (result.category) {
    bits.push(`${t('人员类别：', 'Category: ')}${nameIn(rules.categories, result.category)}`);
  }
  if (result.age !== undefined) bits.push(t(`年龄：${result.age} 周岁`, `Age: ${result.age}`));
  $('verdict-detail').textContent = bits.join('　');
  const effectName = { admits: t('符合', 'admits'), excludes: t('不符合', 'excludes'), note: t('说明', 'note') };
  $('reasons').replaceChildren(...(result.reasons ?? []).map((r) => {
    const li = document.createElement('li');
    li.dataset.effect = r.effect ?? 'note';
    const tag = document.createElement('strong');
    tag.textContent = effectName[r.effect] ?? effectName.note;
    const rule = document.createElement('span');
    rule.className = 'rule';
    rule.textContent = r.rule;
    li.append(tag, ' ', msg(r), ' ', rule);
    return li;
  }));
  $('interpretations').replaceChildren(...(result.interpretations ?? []).map((i) => {
    const li = document.createElement('li');
    li.textContent = `${msg(i)} `;
    const rule = document.createElement('span');
    rule.className = 'rule';
    rule.textContent = i.rule;
    li.append(rule);
    return li;
  }));
}

function evaluateNow() {
  const request = readRequest();
  save(PAGE, request);
  render(jianxi.evaluate(request));
}

const later = debounce(evaluateNow, 100);

async function example() {
  return (await fetch('examples/eligibility.json')).json();
}

async function start() {
  const started = performance.now();
  initLanguage(() => {
    fillOptions($('education'), rules.education);
    fillCheckboxes($('region-flags'), 'region_flags', rules.region_flags);
    if (lastResult) render(lastResult);
  });
  [jianxi, rules] = await Promise.all([engine(), catalog()]);
  fillPolicyChoosers(rules.policies, $('policy'), document.createElement('select'));
  fillOptions($('education'), rules.education);
  fillCheckboxes($('region-flags'), 'region_flags', rules.region_flags);
  fillForm(load(PAGE) ?? await example());
  // The ID number is checked on every keystroke, the rest after a short pause.
  $('id_number').addEventListener('input', evaluateNow);
  form.addEventListener('input', (e) => { if (e.target.id !== 'id_number') later(); });
  form.addEventListener('change', later);
  form.addEventListener('submit', (e) => e.preventDefault());
  $('load-example').addEventListener('click', async () => {
    fillForm(await example());
    evaluateNow();
    document.body.dataset.examples = String(Number(document.body.dataset.examples ?? 0) + 1);
  });
  $('clear').addEventListener('click', () => {
    fillForm({ policy: $('policy').value, as_of: new Date().toISOString().slice(0, 10) });
    evaluateNow();
  });
  evaluateNow();
  document.body.dataset.firstResultMs = String(Math.round(performance.now() - started));
  setText($('engine-status'), `规则引擎 ${jianxi.version()} 已就绪`, `Rule engine ${jianxi.version()} ready`);
  await initHandoff({ readRequest, evaluate: (r) => jianxi.evaluate(r), form });
  document.body.dataset.ready = 'true';
}

start().catch((err) => {
  setText($('engine-status'), `规则引擎加载失败：${err}`, `The rule engine failed to load: ${err}`);
});
