// The monthly summary table (`summary_table`): an editable sheet, one row per report,
// checked as the person types; pasted or imported tables; and, for many reports,
// checking in chunks with a progress bar so the page stays responsive. Reports are
// chunked by calendar year, since the year-to-date checks only compare within a
// year, and each chunk's finding paths are mapped back to the whole table.
import { showFindings } from './findings.js';
import { debounce } from './format.js';
import { t } from './i18n.js';
import { save } from './store.js';
import { TEMPLATES } from './summary-templates.js';
import { parseDelimited, parseXlsx } from './table-import.js';

const form = document.getElementById('sum-form');
const sheet = document.getElementById('sheet');
const $ = (id) => document.getElementById(id);
const CHUNK = 24;
let jianxi;
let reports = [];

const template = () => TEMPLATES[$('template').value];
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
    if (n) th.title = t(...template().indicators[n - 1]);
    row.append(th);
  }
  sheet.tHead.replaceChildren(row);
  $('relations').textContent = template().relations;
  $('indicator-key').replaceChildren(...template().indicators.map(([zh, en]) => {
    const li = document.createElement('li');
    li.textContent = t(zh, en);
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

function chunks() {
  const out = [];
  let current = [];
  let year = null;
  reports.forEach((report, index) => {
    const y = report.period.slice(0, 4);
    if (current.length && (current.length >= CHUNK || y !== year)) { out.push(current); current = []; }
    current.push(index);
    year = y;
  });
  if (current.length) out.push(current);
  return out;
}

const remap = (finding, indexes) => ({
  ...finding,
  path: finding.path.replace(/^\/reports\/(\d+)/, (_, i) => `/reports/${indexes[Number(i)]}`),
});

let run = 0;
/** Checks every report; with more than one chunk, yields to the page between chunks. */
export async function checkAll() {
  readSheet();
  save('portal.summary', summaryRequest());
  const mine = ++run;
  const parts = chunks();
  const many = parts.length > 1;
  $('progress-box').hidden = !many;
  const merged = { errors: [], warnings: [] };
  const seen = new Set();
  const started = performance.now();
  for (const [n, indexes] of (parts.length ? parts : [[]]).entries()) {
    const result = jianxi.evaluate(summaryRequest(indexes.map((i) => reports[i])));
    for (const kind of ['errors', 'warnings']) {
      for (const f of result[kind]) {
        const mapped = remap(f, indexes);
        const key = `${kind}${mapped.path}${mapped.code}${mapped.message}`;
        if (!seen.has(key)) { seen.add(key); merged[kind].push(mapped); }
      }
    }
    if (many) {
      $('progress').value = (n + 1) / parts.length;
      $('progress-text').textContent = t(`${indexes.at(-1) + 1} / ${reports.length} 份`, `${indexes.at(-1) + 1} of ${reports.length}`);
      await new Promise((r) => setTimeout(r, 0));
      if (mine !== run) return null;
    }
  }
  showFindings(form, merged, $('sum-general'));
  $('sum-summary').textContent = t(
    `${reports.length} 份报表：${merged.errors.length} 个错误，${merged.warnings.length} 个提示（${Math.round(performance.now() - started)} 毫秒）`,
    `${reports.length} reports: ${merged.errors.length} errors, ${merged.warnings.length} warnings (${Math.round(performance.now() - started)} ms)`);
  form.dataset.checked = String(reports.length);
  return merged;
}

async function importReports(loaded) {
  reports = loaded;
  drawSheet();
  await checkAll();
}

export function initSummary(engine, provinces, saved, example) {
  jianxi = engine;
  $('sum-province').replaceChildren(...provinces.map(([id, zh]) => new Option(`${zh} ${id}`, id)));
  const start = saved ?? example;
  $('template').value = start.template ?? 'mohrss-2022';
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

export const redrawSummary = () => { readSheet(); drawSheet(); return checkAll(); };
