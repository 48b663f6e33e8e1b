// The monthly summary table (`summary_table`): an editable sheet, one row per report,
// checked as the person types; pasted or imported tables; and, for many reports,
// one request answered in a worker behind a progress bar, so the page stays
// responsive and the verdict is the one the CLI gives for the whole table (splitting
// the table would lose the checks that run across reports: order, gaps, duplicates).
import { showFindings } from './findings.js';
import { debounce } from './format.js';
import { t } from './i18n.js';
import { save } from './store.js';
import { parseDelimited, parseXlsx } from './table-import.js';

const form = document.getElementById('sum-form');
const sheet = document.getElementById('sheet');
const $ = (id) => document.getElementById(id);
const WORKER_FROM = 60;  // reports; fewer are checked on the page at once
let jianxi;
let reports = [];
let templates = [];  // the catalog's summary-table templates

const template = () => templates.find((tpl) => tpl.id === $('template').value) ?? templates[0];
const indicatorName = (indicator) => t(indicator.name, indicator.name_en);
const count = () => template().indicators.length;

function header() {
  const row = document.createElement('tr');
  const cells = [['#', '#'], ['报告期', 'Period'], ['报送日期', 'Submitted'],
    ...template().indicators.map((_, i) => [String(i + 1), String(i + 1)])];
  for (const [zh, en] of cells) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = t(zh, en);
    const n = Number(zh);
    if (n) th.title = indicatorName(template().indicators[n - 1]);
    row.append(th);
  }
  sheet.tHead.replaceChildren(row);
  $('relations').textContent = template().relations_printed;
  $('indicator-key').replaceChildren(...template().indicators.map((indicator) => {
    const li = document.createElement('li');
    li.value = indicator.number;
    li.textContent = indicatorName(indicator);
    return li;
  }));
}

function input(value, label, cls) {
  const el = document.createElement('input');
  el.value = value ?? '';
  el.setAttribute('aria-label', label);
  if (cls) el.className = cls;
  return el;
}

function drawSheet() {
  header();
  const rows = reports.map((report, i) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.dataset.path = `/reports/${i}`;
    th.textContent = String(i + 1);
    const period = document.createElement('td');
    period.dataset.path = `/reports/${i}/period`;
    period.append(input(report.period, t(`第${i + 1}行 报告期`, `row ${i + 1} period`), 'period'));
    period.firstChild.placeholder = 'YYYY-MM';
    const submitted = document.createElement('td');
    submitted.dataset.path = `/reports/${i}/submitted_on`;
    submitted.append(input(report.submitted_on, t(`第${i + 1}行 报送日期`, `row ${i + 1} submitted on`), 'period'));
    submitted.firstChild.placeholder = 'YYYY-MM-DD';
    tr.append(th, period, submitted);
    for (let k = 1; k <= count(); k += 1) {
      const td = document.createElement('td');
      td.dataset.path = `/reports/${i}/values/${k}`;
      const el = input(report.values?.[k], t(`第${i + 1}行 指标${k}`, `row ${i + 1} indicator ${k}`));
      el.inputMode = 'decimal';
      el.dataset.indicator = String(k);
      td.append(el);
      tr.append(td);
    }
    return tr;
  });
  sheet.tBodies[0].replaceChildren(...rows);
}

function readSheet() {
  reports = [...sheet.tBodies[0].rows].map((tr) => {
    const inputs = tr.querySelectorAll('input');
    const report = { period: inputs[0].value.trim(), submitted_on: inputs[1].value.trim(), values: {} };
    for (const el of [...inputs].slice(2)) {
      const raw = el.value.trim();
      if (raw !== '') report.values[el.dataset.indicator] = Number.isFinite(Number(raw)) ? Number(raw) : raw;
    }
    return report;
  });
}

export function summaryRequest(subset = reports) {
  return { kind: 'summary_table', template: $('template').value, province: $('sum-province').value, reports: subset };
}

let worker;
let asked = 0;
/** The result of a request answered by the worker's copy of the core. */
function inWorker(request) {
  worker ??= new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
  const id = ++asked;
  return new Promise((resolve) => {
    const answer = ({ data }) => {
      if (data.id !== id) return;
      worker.removeEventListener('message', answer);
      resolve(JSON.parse(data.text));
    };
    worker.addEventListener('message', answer);
    worker.postMessage({ id, text: JSON.stringify(request) });
  });
}

function showProgress(stage, done) {
  const bar = $('progress');
  if (done == null) bar.removeAttribute('value');  // indeterminate while the core works
  else bar.value = done;
  $('progress-text').textContent = stage;
}

let run = 0;
/** Checks every report in one request; many reports go to the worker behind a progress bar. */
export async function checkAll() {
  readSheet();
  const request = summaryRequest();
  save('portal.summary', request);
  const mine = ++run;
  const many = reports.length >= WORKER_FROM;
  $('progress-box').hidden = !many;
  const started = performance.now();
  let result;
  if (many) {
    showProgress(t(`正在校验 ${reports.length} 份报表…`, `Checking ${reports.length} reports…`), null);
    result = await inWorker(request);
    if (mine !== run) return null;
    showProgress(t('正在标注结果…', 'Placing the findings…'), 0.9);
    await new Promise((r) => setTimeout(r, 0));
  } else {
    result = jianxi.evaluate(request);
  }
  showFindings(form, result, $('sum-general'));
  const elapsed = Math.round(performance.now() - started);
  $('sum-summary').textContent = t(
    `${reports.length} 份报表：${result.errors.length} 个错误，${result.warnings.length} 个提示（${elapsed} 毫秒）`,
    `${reports.length} reports: ${result.errors.length} errors, ${result.warnings.length} warnings (${elapsed} ms)`);
  if (many) showProgress(t(`${reports.length} / ${reports.length} 份，已完成`, `${reports.length} of ${reports.length}, done`), 1);
  form.dataset.checked = String(reports.length);
  return result;
}

async function importReports(loaded) {
  reports = loaded;
  drawSheet();
  await checkAll();
}

function fillTemplates() {
  const chosen = $('template').value;
  $('template').replaceChildren(...templates.map((tpl) => new Option(
    t(`${tpl.title}（${tpl.indicators.length}项指标）`, `${tpl.title_en} (${tpl.indicators.length} indicators)`), tpl.id)));
  if (chosen) $('template').value = chosen;
}

export function initSummary(engine, provinces, saved, example, catalogTemplates) {
  jianxi = engine;
  templates = catalogTemplates;
  $('sum-province').replaceChildren(...provinces.map(([id, zh]) => new Option(`${zh} ${id}`, id)));
  const start = saved ?? example;
  fillTemplates();
  $('template').value = start.template ?? templates[0].id;
  if (start.province) $('sum-province').value = start.province;
  reports = start.reports ?? [];
  drawSheet();
  const later = debounce(checkAll, 200);
  form.addEventListener('input', (e) => { if (e.target.id !== 'paste' && e.target.id !== 'import-table') later(); });
  $('template').addEventListener('change', () => { readSheet(); drawSheet(); later(); });
  $('sum-province').addEventListener('change', later);
  $('add-report').addEventListener('click', () => {
    readSheet();
    reports.push({ period: '', submitted_on: '', values: {} });
    drawSheet();
    sheet.tBodies[0].lastElementChild.querySelector('input').focus();
  });
  $('check-all').addEventListener('click', checkAll);
  $('sum-example').addEventListener('click', () => importReports(structuredClone(example.reports)));
  $('clear-reports').addEventListener('click', () => importReports([]));
  $('read-paste').addEventListener('click', async () => importReports(await parseDelimited($('paste').value, count())));
  $('import-table').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    try {
      const loaded = /\.xlsx$/i.test(file.name)
        ? await parseXlsx(await file.arrayBuffer(), count())
        : await parseDelimited(await file.text(), count());
      await importReports(loaded);
    } catch (err) {
      $('sum-summary').textContent = t(`无法读取文件：${err.message}`, `Cannot read the file: ${err.message}`);
    }
    e.target.value = '';
  });
  return checkAll();
}

export const redrawSummary = () => { fillTemplates(); readSheet(); drawSheet(); return checkAll(); };
