// The employer's estimate page: the form is read into a `subsidy` request, the core
// answers on this device, and the page shows the total, every line with its clause,
// the findings beside their fields and two what-if charts.
import { engine, policies, markFirstResult } from './engine.js';
import { barChart } from './chart.js';
import { clearFindings, showFindings } from './findings.js';
import { debounce, download, itemName, percent, yuan } from './format.js';
import { initLanguage, msg, t, translateNew, setText } from './i18n.js';
import { fillPolicyChoosers, provinceOf } from './policy-choice.js';
import { load, save } from './store.js';

const PAGE = 'estimate';
const form = document.getElementById('estimate-form');
const traineeList = document.getElementById('trainees');
const template = document.getElementById('trainee-template');
const status = document.getElementById('engine-status');
let jianxi;
let policyList = [];
let cities = {};
let lastResult = null;

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
  for (const money of ['insurance_premium', 'flexible_insurance_monthly']) {
    const v = numberOrUndefined(get(money).value);
    if (v !== undefined) tr[money] = v;
  }
  return tr;
}

export function readRequest() {
  const request = { kind: 'subsidy' };
  if (form.mode.value === 'province') {
    request.province = $('province').value;
    request.as_of = $('as_of').value;
  } else {
    request.policy = $('policy').value;
  }
  if ($('city').value.trim()) request.city = $('city').value.trim();
  for (const id of ['min_wage', 'wage_tier', 'base_rate', 'retention_rate']) {
    const v = numberOrUndefined($(id).value);
    if (v !== undefined) request[id] = v;
  }
  const flags = [...form.querySelectorAll('[name="region_flags"]:checked')].map((c) => c.value);
  if (flags.length) request.region_flags = flags;
  request.trainees = [...traineeList.children].map(readTrainee);
  return request;
}

function addTrainee(tr = {}) {
  const li = template.content.firstElementChild.cloneNode(true);
  const set = (name, value) => {
    const input = li.querySelector(`[name="${name}"]`);
    if (input.type === 'checkbox') input.checked = Boolean(value);
    else if (value !== undefined && value !== null) input.value = value;
  };
  set('category', tr.category ?? 'college_graduate');
  set('start', tr.start);
  set('end', tr.end);
  set('left_on', tr.left_on);
  set('absent_days', (tr.absent_days ?? []).join(', '));
  set('retained', tr.retained);
  set('contract.signed_on', tr.contract?.signed_on);
  set('contract.years', tr.contract?.years);
  set('contract.social_insurance', tr.contract?.social_insurance);
  set('insurance_premium', tr.insurance_premium);
  set('flexible_insurance_monthly', tr.flexible_insurance_monthly);
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

// Paths and ids follow the position in the list, so they are renewed on every change.
function renumber() {
  [...traineeList.children].forEach((li, i) => {
    li.querySelector('.number').textContent = String(i + 1);
    li.dataset.path = `/trainees/${i}`;
    for (const field of li.querySelectorAll('[data-field]')) {
      field.dataset.path = `/trainees/${i}/${field.dataset.field}`;
      const input = field.querySelector(':scope > input, :scope > select, :scope > label > input');
      const label = field.querySelector(':scope > label');
      if (input) {
        input.id = `t${i}-${field.dataset.field.replace('/', '-')}`;
        if (label && !label.contains(input)) label.htmlFor = input.id;
      }
    }
  });
}

function fillForm(request) {
  const mode = request.province && !request.policy ? 'province' : 'policy';
  form.mode.value = mode;
  if (request.policy) $('policy').value = request.policy;
  if (request.province) $('province').value = request.province;
  $('as_of').value = request.as_of ?? '';
  $('city').value = request.city ?? '';
  for (const id of ['min_wage', 'wage_tier', 'base_rate', 'retention_rate']) $(id).value = request[id] ?? '';
  for (const c of form.querySelectorAll('[name="region_flags"]')) {
    c.checked = (request.region_flags ?? []).includes(c.value);
  }
  traineeList.replaceChildren();
  for (const tr of request.trainees ?? []) addTrainee(tr);
  showMode();
}

function showMode() {
  const mode = form.mode.value;
  for (const el of form.querySelectorAll('[data-mode]')) el.hidden = el.dataset.mode !== mode;
  const request = { policy: $('policy').value, province: mode === 'province' ? $('province').value : undefined };
  const names = cities[provinceOf(policyList, request)] ?? [];
  $('cities').replaceChildren(...names.map((c) => new Option(c)));
}

// ---- results ----------------------------------------------------------------

function render(result) {
  markFirstResult();
  lastResult = result;
  showFindings(form, result, $('general-findings'));
  const ok = result.ok;
  $('total').textContent = ok ? yuan(result.total) : t('无法计算', 'cannot compute');
  $('total').dataset.value = ok ? String(result.total) : '';
  $('result').dataset.ok = String(ok);
  const r = result.retention;
  $('retention-used').textContent = r && r.rate !== null && r.rate !== undefined
    ? t(`留用率 ${percent(r.rate)}（${r.source === 'trainees' ? `${r.kept_on}/${r.completed} 人` : '按所填'}）`,
      `Retention ${percent(r.rate)} (${r.source === 'trainees' ? `${r.kept_on} of ${r.completed}` : 'as given'})`)
    : '';
  $('by-item').tBodies[0].replaceChildren(...Object.entries(result.by_item ?? {}).map(([item, amount]) => {
    const row = document.createElement('tr');
    row.dataset.item = item;
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = itemName(item);
    const td = document.createElement('td');
    td.textContent = yuan(amount);
    td.dataset.value = String(amount);
    row.append(th, td);
    return row;
  }));
  $('interpretations').replaceChildren(...(result.interpretations ?? []).map((i) => {
    const li = document.createElement('li');
    li.textContent = msg(i);
    const rule = document.createElement('span');
    rule.className = 'rule';
    rule.textContent = i.rule;
    li.append(' ', rule);
    return li;
  }));
  $('lines').tBodies[0].replaceChildren(...(result.lines ?? []).map((line) => {
    const row = document.createElement('tr');
    const cells = [String(line.trainee + 1), line.month, itemName(line.item), yuan(line.base),
      percent(line.rate), yuan(line.amount), line.rule, t(line.note, line.note_en)];
    const heads = [...$('lines').tHead.rows[0].cells].map((th) => th.textContent);
    cells.forEach((text, i) => {
      const td = document.createElement('td');
      td.textContent = text;
      td.dataset.label = heads[i]; // shown before the value when the table becomes cards on a phone
      row.append(td);
    });
    row.cells[5].dataset.value = String(line.amount);
    row.cells[6].className = 'rule';
    return row;
  }));
}

function renderCharts(request) {
  const started = performance.now();
  const rates = Array.from({ length: 11 }, (_, i) => i / 10);
  const sweep = jianxi.evaluate(rates.map((rate) => ({ ...request, retention_rate: rate })));
  const used = lastResult?.retention?.rate;
  $('chart-retention').replaceChildren(barChart(sweep.map((res, i) => ({
    label: percent(rates[i]), value: res.total ?? 0,
    error: res.ok ? undefined : msg(res.errors[0]), current: used === rates[i],
  })), { title: t('留用率与测算', 'Estimate by retention rate'), format: yuan, errorLabel: t('无法计算', 'cannot compute') }));

  const base = { ...request };
  delete base.province;
  delete base.as_of;
  const across = jianxi.evaluate(policyList.map((p) => ({ ...base, policy: p.id })));
  $('chart-provinces').replaceChildren(barChart(across.map((res, i) => ({
    label: `${policyList[i].province_zh.replace(/(省|回族自治区)$/, '')} ${policyList[i].id.split('-')[1]}`,
    value: res.total ?? 0, error: res.ok ? undefined : msg(res.errors[0]), current: policyList[i].id === lastResult?.policy,
  })), { title: t('各省通知下的测算', 'Estimate under each notice'), format: yuan, errorLabel: t('无法计算', 'cannot compute') }));
  document.body.dataset.chartMs = String(Math.round(performance.now() - started));
}

const chartsLater = debounce(renderCharts, 250);

function evaluateNow() {
  const request = readRequest();
  save(PAGE, request);
  $('request-json').textContent = JSON.stringify(request, null, 1);
  const result = jianxi.evaluate(request);
  render(result);
  chartsLater(request);
  return result;
}

const changed = debounce(evaluateNow, 120);

// ---- wiring -----------------------------------------------------------------

async function exampleRequest() {
  const response = await fetch('examples/estimate.json');
  return response.json();
}

async function start() {
  const loadStarted = performance.now();
  initLanguage(() => lastResult && (render(lastResult), renderCharts(readRequest())));
  [jianxi, policyList] = await Promise.all([engine(), policies()]);
  cities = await fetch('data/cities.json').then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
  fillPolicyChoosers(policyList, $('policy'), $('province'));
  fillForm(load(PAGE) ?? await exampleRequest());
  form.addEventListener('input', (e) => { if (e.target.name === 'mode') showMode(); changed(); });
  form.addEventListener('change', (e) => { if (e.target.name === 'mode' || e.target.id === 'policy' || e.target.id === 'province') showMode(); changed(); });
  form.addEventListener('submit', (e) => e.preventDefault());
  $('add-trainee').addEventListener('click', () => {
    addTrainee({ start: '', end: '' }).querySelector('select').focus();
    changed();
  });
  $('load-example').addEventListener('click', async () => {
    fillForm(await exampleRequest());
    evaluateNow();
    document.body.dataset.examples = String(Number(document.body.dataset.examples ?? 0) + 1);
  });
  $('clear').addEventListener('click', () => { fillForm({ policy: $('policy').value, trainees: [{}] }); evaluateNow(); });
  $('export').addEventListener('click', () => download('jianxi-estimate.json', `${JSON.stringify(readRequest(), null, 1)}\n`));
  $('import').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    try {
      fillForm(JSON.parse(await file.text()));
      evaluateNow();
    } catch (err) {
      setText($('engine-status'), `无法读取文件：${err.message}`, `Cannot read the file: ${err.message}`);
    }
    e.target.value = '';
  });
  $('print').addEventListener('click', () => window.print());
  evaluateNow();
  renderCharts(readRequest());
  const ms = Math.round(performance.now() - loadStarted);
  document.body.dataset.firstResultMs = String(ms);
  setText(status, `规则引擎 ${jianxi.version()} 已就绪`, `Rule engine ${jianxi.version()} ready`);
  document.body.dataset.ready = 'true';
}

start().catch((err) => {
  setText(status, `规则引擎加载失败：${err}`, `The rule engine failed to load: ${err}`);
  clearFindings(form);
});
