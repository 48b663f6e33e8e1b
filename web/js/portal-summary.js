// The monthly summary table (`summary_table`): an editable sheet, one row per report,
// checked as the person types; pasted or imported tables; and, for many reports,
// files read and checked by a copy of the core in a worker, with progress and
// cancel, so the page stays responsive and the verdict is the one the CLI gives for
// the whole table (splitting the table would lose the checks across reports: order,
// gaps, duplicates). The sheet shows one page of rows at a time; a list of every
// finding jumps to its cell; the cells of a failed relation are all marked.
import { showFindings } from './findings.js';
import { debounce } from './format.js';
import { msg, setText, t } from './i18n.js';
import { exportFindingsCsv, exportFindingsXlsx, exportSummaryXlsx } from './portal-export.js';
import { save } from './store.js';
import { withoutEmptyDates } from './table-columns.js';
import { parseDelimited, toDay, toMonth, TOTAL } from './table-import.js';

const form = document.getElementById('sum-form');
const sheet = document.getElementById('sheet');
const $ = (id) => document.getElementById(id);
const WORKER_FROM = 60;   // reports; fewer are checked on the page at once
const PAGE_ROWS = 100;    // rows drawn at once
const LIST_MAX = 300;     // findings listed at once (the rest: next page of the list)
let jianxi;
let reports = [];
let templates = [];       // the catalog's summary-table templates
let page = 0;
let lastResult = { errors: [], warnings: [] };
let lastCount = { errors: 0, warnings: 0 };
const carried = new Set();  // "row/indicator" of cells prefilled from the month before
let importInfo = null;    // how the last file's columns were read
let lines = [];           // each report's row in the imported file (or pasted text), where it came from one
let pasted = false;       // the rows came from pasted text, not a file
let importing = 0;        // imports under way: a check then waits for the import's own

const template = () => templates.find((tpl) => tpl.id === $('template').value) ?? templates[0];
const indicatorName = (indicator) => t(indicator.name, indicator.name_en);
const count = () => template().indicators.length;
const pages = () => Math.max(1, Math.ceil(reports.length / PAGE_ROWS));

function header() {
  const row = document.createElement('tr');
  const cells = [['#', '#', ''], ['单位', 'Unit', ''], ['报告期', 'Period', ''], ['报送日期', 'Submitted', ''],
    ...template().indicators.map((ind) => [String(ind.number), String(ind.number), indicatorName(ind)])];
  for (const [zh, en, name] of cells) {
    const th = document.createElement('th');
    th.scope = 'col';
    const label = document.createElement('span');
    label.className = 'col-num';
    label.textContent = t(zh, en);
    th.append(label);
    if (name) {
      const full = document.createElement('span');
      full.className = 'col-name';
      full.textContent = name;
      th.append(full);
      th.title = name;
    }
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

function cell(path, el) {
  const td = document.createElement('td');
  td.dataset.path = path;
  td.append(el);
  return td;
}

function drawSheet() {
  header();
  page = Math.min(page, pages() - 1);
  const from = page * PAGE_ROWS;
  const rows = reports.slice(from, from + PAGE_ROWS).map((report, k) => {
    const i = from + k;
    const tr = document.createElement('tr');
    tr.dataset.row = String(i);
    if (report.total) tr.className = 'total-row';
    const th = document.createElement('th');
    th.scope = 'row';
    th.dataset.path = `/reports/${i}`;
    th.textContent = String(i + 1);
    const unit = input(report.unit, t(`第${i + 1}行 单位`, `row ${i + 1} unit`), 'unit');
    const period = input(report.period, t(`第${i + 1}行 报告期`, `row ${i + 1} period`), 'period');
    period.placeholder = 'YYYY-MM';
    const submitted = input(report.submitted_on, t(`第${i + 1}行 报送日期`, `row ${i + 1} submitted on`), 'period');
    submitted.placeholder = 'YYYY-MM-DD';
    tr.append(th, cell(`/reports/${i}/unit`, unit), cell(`/reports/${i}/period`, period), cell(`/reports/${i}/submitted_on`, submitted));
    for (const ind of template().indicators) {
      const k2 = ind.number;
      const el = input(report.values?.[k2], t(`第${i + 1}行 指标${k2} ${ind.name}`, `row ${i + 1} indicator ${k2} ${ind.name_en}`));
      el.inputMode = 'decimal';
      el.dataset.indicator = String(k2);
      const td = cell(`/reports/${i}/values/${k2}`, el);
      if (carried.has(`${i}/${k2}`)) {
        td.classList.add('carried');
        el.setAttribute('aria-describedby', 'carry-note');
      }
      tr.append(td);
    }
    return tr;
  });
  sheet.tBodies[0].replaceChildren(...rows);
  drawPager();
}

function drawPager() {
  const box = $('sheet-pager');
  box.hidden = pages() <= 1;
  const from = page * PAGE_ROWS;
  $('page-text').textContent = t(`第 ${from + 1}–${Math.min(reports.length, from + PAGE_ROWS)} 行，共 ${reports.length} 行（第 ${page + 1}/${pages()} 页）`,
    `rows ${from + 1}–${Math.min(reports.length, from + PAGE_ROWS)} of ${reports.length} (page ${page + 1} of ${pages()})`);
  $('page-prev').disabled = page === 0;
  $('page-next').disabled = page >= pages() - 1;
}

/** Reads the rows on screen back into `reports`. */
function readSheet() {
  for (const tr of sheet.tBodies[0].rows) {
    const i = Number(tr.dataset.row);
    const inputs = tr.querySelectorAll('input');
    // Dates as the importer reads them (2022年9, 2022/9/5 …).
    const period = inputs[1].value.trim();
    const submitted = inputs[2].value.trim();
    const report = { period: period && toMonth(period), submitted_on: submitted && toDay(submitted), values: {} };
    const unit = inputs[0].value.trim();
    if (unit) report.unit = unit;
    if (TOTAL.test(unit)) report.total = true;
    for (const el of [...inputs].slice(3)) {
      const raw = el.value.trim();
      if (raw !== '') report.values[el.dataset.indicator] = Number.isFinite(Number(raw)) ? Number(raw) : raw;
    }
    reports[i] = report;
  }
}

function tableHead() {
  return { kind: 'summary_table', template: $('template').value, province: $('sum-province').value };
}

export function summaryRequest(subset = reports) {
  return { ...tableHead(), reports: subset.map(withoutEmptyDates) };
}

// ---- the worker --------------------------------------------------------------

let worker;
let asked = 0;
const pending = new Map();
function theWorker() {
  if (!worker) {
    worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
    worker.addEventListener('message', ({ data }) => {
      const job = pending.get(data.id);
      if (!job) return;
      if (data.chunk) for (const report of data.chunk) job.chunks.push(report);
      if (data.progress) { job.progress(data.progress); return; }
      pending.delete(data.id);
      if (data.error) job.fail(new Error(data.error));
      else job.done({ ...data, reports: job.chunks });
    });
    // A worker that cannot start (or dies) fails its jobs instead of leaving them waiting.
    const broken = (event) => {
      event.preventDefault?.();
      worker?.terminate();
      worker = null;
      for (const job of pending.values()) job.fail(new Error(t('后台校验程序无法运行，请刷新页面后重试', 'the background checker cannot run; reload the page and try again')));
      pending.clear();
    };
    worker.addEventListener('error', broken);
    worker.addEventListener('messageerror', broken);
  }
  return worker;
}

/** Sends a job to the worker; progress(p) is called with {stage, done, total}. */
function inWorker(message, progress = () => {}, transfer = []) {
  const id = ++asked;
  return new Promise((done, fail) => {
    pending.set(id, { done, fail, progress, chunks: [] });
    theWorker().postMessage({ id, ...message }, transfer);
  });
}

/** Stops whatever the worker is doing: the worker is ended and made anew when next needed. */
function cancelWork() {
  worker?.terminate();
  worker = null;
  for (const job of pending.values()) job.fail(new Error('cancelled'));
  pending.clear();
}

const STAGES = {
  reading: ['正在读取文件', 'Reading the file'],
  decoding: ['正在解码', 'Decoding'],
  parsing: ['正在解析行', 'Reading rows'],
  checking: ['正在校验', 'Checking'],
  sending: ['正在载入结果', 'Loading the rows'],
};

function showProgress({ stage, done, total }) {
  $('progress-box').hidden = false;
  const bar = $('progress');
  if (!total) bar.removeAttribute('value');
  else { bar.max = total; bar.value = done; }
  const [zh, en] = STAGES[stage] ?? [stage, stage];
  $('progress-text').textContent = total ? t(`${zh}：${done} / ${total}`, `${en}: ${done} of ${total}`) : t(`${zh}…`, `${en}…`);
  $('progress-box').dataset.stage = stage;
}

function progressDone(text) {
  const bar = $('progress');
  bar.max = 1;
  bar.value = 1;
  $('progress-text').textContent = text;
  $('progress-box').dataset.stage = 'done';
  $('cancel-work').hidden = true;
}

// ---- findings ----------------------------------------------------------------

/** The exact numbers of errors and warnings, counting those the core did not list. */
export function countFindings(result) {
  const countOf = (list) => list.reduce((n, f) => {
    if (f.code !== 'findings.truncated') return n + 1;
    const more = Number(String(f.message_en ?? f.message).match(/\d+/)?.[0] ?? 0);
    return n + more;
  }, 0);
  return { errors: countOf(result.errors ?? []), warnings: countOf(result.warnings ?? []) };
}

const rowOf = (path) => {
  const m = /^\/reports\/(\d+)/.exec(path ?? '');
  return m ? Number(m[1]) : null;
};

/** The relation a summary.relation finding names, from the template's printed relations. */
function relationOf(finding) {
  const text = `${finding.message_en ?? ''} ${finding.message ?? ''}`;
  return template().relations.find((r) => text.includes(r.printed));
}

/** Shows the findings of the rows on screen beside their cells, and marks every cell of a failed relation. */
function placeFindings() {
  const from = page * PAGE_ROWS;
  const to = from + PAGE_ROWS;
  const onPage = (f) => {
    const row = rowOf(f.path);
    return row === null || (row >= from && row < to);
  };
  const shown = { errors: lastResult.errors.filter(onPage), warnings: lastResult.warnings.filter(onPage) };
  showFindings(form, shown, $('sum-general'));
  for (const td of sheet.querySelectorAll('td.in-relation')) td.classList.remove('in-relation');
  for (const f of shown.errors) {
    if (f.code !== 'summary.relation') continue;
    const relation = relationOf(f);
    const row = rowOf(f.path);
    if (!relation || row === null) continue;
    for (const n of relation.sides.flat()) {
      const td = sheet.querySelector(`td[data-path="/reports/${row}/values/${n}"]`);
      if (td) {
        td.classList.add('in-relation');
        if (!td.dataset.hasFinding) td.dataset.hasFinding = 'error';
      }
    }
  }
}

/** Where a finding sits, as the clerk knows it: the unit, the row of their own file (or of the sheet), the indicator. */
function whereOf(path) {
  const row = rowOf(path);
  if (row === null) return t('整表', 'Table');
  const parts = [];
  const unit = reports[row]?.unit;
  if (unit) parts.push(unit);
  const n = lines[row];
  parts.push(!n ? t(`表中第 ${row + 1} 行`, `sheet row ${row + 1}`)
    : pasted ? t(`粘贴内容第 ${n} 行`, `pasted row ${n}`) : t(`文件第 ${n} 行`, `file row ${n}`));
  const ind = /\/values\/(\d+)$/.exec(path ?? '')?.[1];
  if (ind) parts.push(t(`指标${ind}`, `indicator ${ind}`));
  return parts.join(t('·', ', '));
}

let listFrom = 0;
function drawFindingList() {
  const all = [...lastResult.errors.map((f) => [f, 'error']), ...lastResult.warnings.map((f) => [f, 'warning'])]
    .filter(([f]) => f.code !== 'findings.truncated');
  const list = $('finding-list');
  const items = all.slice(listFrom, listFrom + LIST_MAX).map(([f, severity]) => {
    const li = document.createElement('li');
    li.className = `listed ${severity}`;
    // Not data-path: that names the cells findings are placed beside.
    li.dataset.findingPath = f.path ?? '';
    li.dataset.findingCode = f.code;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'jump';
    button.textContent = whereOf(f.path);
    button.addEventListener('click', () => jumpTo(f.path));
    const text = document.createElement('span');
    text.textContent = ` ${severity === 'error' ? t('错误', 'Error') : t('提示', 'Warning')}${t('：', ': ')}${msg(f)}`;
    li.append(button, text);
    return li;
  });
  list.replaceChildren(...items);
  $('finding-list-box').hidden = all.length === 0;
  $('finding-more').hidden = all.length <= listFrom + LIST_MAX;
  $('finding-list-count').textContent = all.length > LIST_MAX
    ? t(`（显示第 ${listFrom + 1}–${Math.min(all.length, listFrom + LIST_MAX)} 条）`, ` (showing ${listFrom + 1}–${Math.min(all.length, listFrom + LIST_MAX)})`) : '';
}

/** Shows the page holding the path's row and puts the focus in its cell. */
export function jumpTo(path) {
  const row = rowOf(path);
  if (row !== null && Math.floor(row / PAGE_ROWS) !== page) {
    readSheet();
    page = Math.floor(row / PAGE_ROWS);
    drawSheet();
    placeFindings();
  }
  let target = null;
  for (let p = path; p && !target; p = p.slice(0, p.lastIndexOf('/'))) target = sheet.querySelector(`[data-path="${p}"]`);
  if (!target) return;
  target.scrollIntoView({ block: 'center', inline: 'center' });
  (target.querySelector('input') ?? target).focus?.();
  target.classList.add('jumped');
  setTimeout(() => target.classList.remove('jumped'), 1500);
}

function showSummary(elapsed) {
  const { errors, warnings } = lastCount;
  $('sum-summary').textContent = t(
    `${reports.length} 份报表：${errors} 个错误，${warnings} 个提示（${elapsed} 毫秒）`,
    `${reports.length} reports: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (${elapsed} ms)`);
}

function takeResult(result, elapsed) {
  lastResult = result;
  lastCount = countFindings(result);
  placeFindings();
  listFrom = 0;
  drawFindingList();
  showSummary(elapsed);
  form.dataset.checked = String(reports.length);
  form.dataset.errors = String(lastCount.errors);
}

let run = 0;
/** Checks every report in one request; many reports go to the worker behind a progress bar. */
export async function checkAll() {
  if (importing) return null;  // the import checks what it brings in
  readSheet();
  const request = summaryRequest();
  if (reports.length <= 5000) save('portal.summary', request);
  const mine = ++run;
  const many = reports.length >= WORKER_FROM;
  const started = performance.now();
  let result;
  if (many) {
    $('cancel-work').hidden = false;
    showProgress({ stage: 'checking' });
    try {
      result = JSON.parse((await inWorker({ type: 'table', request: tableHead(), reports, indicators: count() })).text);
    } catch (err) {
      if (mine === run) progressDone(t('已取消', 'Cancelled'));
      return null;
    }
    if (mine !== run) return null;
  } else {
    $('progress-box').hidden = true;
    result = await jianxi.evaluateAsync(request);  // fetches the notice's province first if needed
    if (mine !== run) return null;
  }
  takeResult(result, Math.round(performance.now() - started));
  if (many) progressDone(t(`${reports.length} / ${reports.length} 份，已完成`, `${reports.length} of ${reports.length}, done`));
  return result;
}

function describeImport(info) {
  if (!info) { $('import-info').replaceChildren(); return; }
  const names = { period: t('报告期', 'period'), submitted_on: t('报送日期', 'submitted on'), unit: t('单位', 'unit'), label: t('项目（单位和报告期）', 'item (unit and period)') };
  const parts = [];
  parts.push(t(`读取 ${info.reports} 份报表`, `${info.reports} reports read`));
  if (info.encoding) parts.push(t(`编码 ${info.encoding}`, `encoding ${info.encoding}`));
  if (info.headerRows?.length) parts.push(t(`表头在第 ${info.headerRows.join('、')} 行`, `header in row${info.headerRows.length > 1 ? 's' : ''} ${info.headerRows.join(', ')}`));
  if (info.skipped) parts.push(t(`跳过 ${info.skipped} 行（标题、说明）`, `${info.skipped} rows skipped (titles, notes)`));
  const totals = (info.lines ?? []).filter((_, i) => reports[i]?.total);
  if (totals.length) {
    const where = pasted ? t('粘贴内容', 'pasted') : t('文件', 'file');
    parts.push(t(`合计行（${where}第 ${totals.join('、')} 行）已读入，核对各项关系及是否等于各单位之和`,
      `the total row (${where} row ${totals.join(', ')}) is read and checked: its relations, and that it equals the sum of the units`));
  }
  const p = document.createElement('p');
  p.textContent = `${parts.join('；')}。`;
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = t('各列读作（可修改后重新读取）', 'How each column was read (change and read again)');
  const grid = document.createElement('div');
  grid.className = 'column-map';
  info.columns.forEach((col, i) => {
    const label = document.createElement('label');
    const head = (info.header ?? []).map((r) => r?.[i]).filter((v) => v != null && String(v).trim() !== '').join(' / ');
    label.textContent = t(`第${i + 1}列 ${head}`, `Column ${i + 1} ${head}`);
    const select = document.createElement('select');
    select.dataset.column = String(i);
    select.append(new Option(t('（不读取）', '(ignored)'), ''));
    for (const [k, v] of Object.entries(names)) select.append(new Option(v, k));
    for (const ind of template().indicators) select.append(new Option(`${ind.number} ${indicatorName(ind)}`, String(ind.number)));
    select.value = col ?? '';
    label.append(select);
    grid.append(label);
  });
  const again = document.createElement('button');
  again.type = 'button';
  again.textContent = t('按上面的对应重新读取', 'Read again with these columns');
  again.addEventListener('click', () => {
    const overrides = {};
    for (const s of grid.querySelectorAll('select')) overrides[s.dataset.column] = s.value;
    importSource(lastSource, overrides);
  });
  details.append(summary, grid, again);
  $('import-info').replaceChildren(p, details);
}

async function importReports(loaded, info = null) {
  later.cancel?.();
  reports = loaded;
  lines = info?.lines ?? [];
  pasted = lastSource?.name === 'paste.txt';
  carried.clear();
  page = 0;
  importInfo = info;
  describeImport(info);
  drawSheet();
  await checkAll();
}

let lastSource = null;
/** Reads a file (or pasted text) in the worker: decoding, rows, then the check, with progress. */
async function importSource(source, overrides = {}) {
  lastSource = source;
  const mine = ++run;
  later.cancel?.();
  importing += 1;
  $('cancel-work').hidden = false;
  showProgress({ stage: 'reading' });
  const started = performance.now();
  let answer;
  try {
    const bytes = source.bytes ? source.bytes.slice(0) : null;
    answer = await inWorker({ type: 'import', name: source.name, bytes, text: source.text, indicators: template().indicators, overrides,
      request: tableHead() },
    (p) => { if (mine === run) showProgress(p); }, bytes ? [bytes] : []);
  } catch (err) {
    importing -= 1;
    if (mine !== run) return;
    if (err.message === 'cancelled') { progressDone(t('已取消，表格未改动', 'Cancelled; the table is unchanged')); return; }
    progressDone('');
    $('sum-summary').textContent = /fetch|import|cannot load/i.test(err.message)
      ? t('无法读取文件：读取表格所需的程序库未能载入。请联网打开本页一次，之后断网也能导入。',
        'Cannot read the file: the spreadsheet library could not be loaded. Open this page once while online, and imports then work offline too.')
      : t(`无法读取文件：${err.message}`, `Cannot read the file: ${err.message}`);
    return;
  }
  importing -= 1;
  if (mine !== run) return;
  reports = answer.reports;
  lines = answer.info.lines ?? [];
  pasted = source.name === 'paste.txt';
  carried.clear();
  page = 0;
  importInfo = answer.info;
  describeImport(answer.info);
  drawSheet();
  if (reports.length <= 5000) save('portal.summary', summaryRequest());
  takeResult(JSON.parse(answer.text), Math.round(performance.now() - started));
  progressDone(t(`${reports.length} / ${reports.length} 份，已完成`, `${reports.length} of ${reports.length}, done`));
}

// ---- carry forward -----------------------------------------------------------

const nextMonth = (period) => {
  const m = /^(\d{4})-(\d{2})$/.exec(period ?? '');
  if (!m) return '';
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
};

/** A new row for the month after the last one, its year-to-date indicators carried over (within a year). */
function carryForward() {
  readSheet();
  const last = reports[reports.length - 1];
  const period = nextMonth(last?.period);
  const next = { period, submitted_on: '', values: {} };
  if (last?.unit) next.unit = last.unit;
  const row = reports.length;
  const names = [];
  const sameYear = period && last.period.slice(0, 4) === period.slice(0, 4);
  for (const ind of template().indicators) {
    if (!ind.year_to_date || !sameYear || last.values?.[ind.number] === undefined) continue;
    next.values[ind.number] = last.values[ind.number];
    carried.add(`${row}/${ind.number}`);
    names.push(`${ind.number} ${indicatorName(ind)}`);
  }
  reports.push(next);
  page = pages() - 1;
  drawSheet();
  const note = $('carry-note');
  note.hidden = false;
  note.textContent = !last ? t('表中还没有上月的报表。', 'There is no earlier report to start from.')
    : !sameYear ? t(`${period || '新的一个月'} 开始新的一年：本年累计指标从零起算，未结转。`, `${period || 'The new month'} starts a new year: year-to-date indicators start again and are not carried.`)
      : t(`第${row + 1}行（${period}）的本年累计指标（${names.join('、') || '无'}）已按上月数结转，标为虚线框；请加上本月发生数。`,
        `Row ${row + 1} (${period}): the year-to-date indicators (${names.join(', ') || 'none'}) are carried from last month, marked with a dashed box; add this month's amounts.`);
  sheet.tBodies[0].lastElementChild?.querySelector('input.period')?.focus();
  later();
}

function fillTemplates() {
  const chosen = $('template').value;
  $('template').replaceChildren(...templates.map((tpl) => new Option(
    t(`${tpl.title}（${tpl.indicators.length}项指标）`, `${tpl.title_en} (${tpl.indicators.length} indicators)`), tpl.id)));
  if (chosen) $('template').value = chosen;
}

// ---- exports ------------------------------------------------------------------

/** Runs an export; a failure is said beside the buttons, never swallowed. */
async function exporting(run) {
  const status = $('export-status');
  setText(status, '', '');
  try {
    await run();
  } catch (err) {
    if (/cannot load/.test(err?.message ?? '')) {
      setText(status, '导出用的表格程序库未能载入：请联网打开本页一次，之后断网也能导出。',
        'The spreadsheet library for exports could not be loaded: open this page once while online, and exports then work offline too.');
    } else setText(status, `导出失败：${err?.message ?? err}`, `The export failed: ${err?.message ?? err}`);
  }
}

/** The summary table goes out only as checked and without errors, as a 统计报表 is only sent once it passes. */
async function exportTable() {
  const status = $('export-status');
  setText(status, '', '');
  const result = await checkAll();
  if (!result) {
    setText(status, '表格还在读取或校验，完成后再导出。', 'The table is still being read or checked; export when it is done.');
    return;
  }
  const { errors } = countFindings(result);
  if (errors) {
    setText(status, `表中还有 ${errors} 个错误，改正后才能导出汇总表。可先导出校验结果，发给填报单位核对。`,
      `The table still has ${errors} error${errors === 1 ? '' : 's'}; correct ${errors === 1 ? 'it' : 'them'} before exporting the summary table. The findings can be exported to send back to the units.`);
    return;
  }
  await exporting(() => exportSummaryXlsx(template(), summaryRequest()));
}

let later = () => {};
let provinceList = [];

/** The province chooser in the page's language (again after a language switch). */
function fillProvinces() {
  const chosen = $('sum-province').value;
  $('sum-province').replaceChildren(...provinceList.map(([id, zh, en]) => new Option(t(zh, en ?? zh), id)));
  if (chosen) $('sum-province').value = chosen;
}

export function initSummary(engine, provinces, saved, example, catalogTemplates) {
  jianxi = engine;
  templates = catalogTemplates;
  provinceList = provinces;
  fillProvinces();
  const start = saved ?? example;
  fillTemplates();
  $('template').value = start.template ?? templates[0].id;
  if (start.province) $('sum-province').value = start.province;
  reports = start.reports ?? [];
  drawSheet();
  later = debounce(checkAll, 200);
  form.addEventListener('input', (e) => {
    if (e.target.closest('#sheet')) {
      const td = e.target.closest('td.carried');
      if (td) { td.classList.remove('carried'); carried.delete(`${td.closest('tr').dataset.row}/${e.target.dataset.indicator}`); }
      later();
    }
  });
  $('template').addEventListener('change', () => { readSheet(); drawSheet(); later(); });
  $('sum-province').addEventListener('change', later);
  $('add-report').addEventListener('click', () => {
    readSheet();
    reports.push({ period: '', submitted_on: '', values: {} });
    page = pages() - 1;
    drawSheet();
    sheet.tBodies[0].lastElementChild.querySelector('input.period').focus();
  });
  $('carry-forward').addEventListener('click', carryForward);
  $('check-all').addEventListener('click', checkAll);
  $('sum-example').addEventListener('click', () => importReports(structuredClone(example.reports)));
  $('clear-reports').addEventListener('click', () => importReports([]));
  $('read-paste').addEventListener('click', async () => {
    const text = $('paste').value;
    if (text.length > 200000) importSource({ name: 'paste.txt', text });
    else {
      const parsed = await parseDelimited(text, template().indicators);
      lastSource = { name: 'paste.txt', text };
      importReports(parsed.reports, { ...parsed, reports: parsed.reports.length, skipped: parsed.skipped.length });
    }
  });
  $('import-table').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    e.target.value = '';
    // Every file is read in the worker: decoding, rows and the check never hold up the page.
    importSource({ name: file.name, bytes: await file.arrayBuffer() });
  });
  $('cancel-work').addEventListener('click', () => { run += 1; cancelWork(); progressDone(t('已取消，表格未改动', 'Cancelled; the table is unchanged')); });
  $('page-prev').addEventListener('click', () => { readSheet(); page -= 1; drawSheet(); placeFindings(); });
  $('page-next').addEventListener('click', () => { readSheet(); page += 1; drawSheet(); placeFindings(); });
  $('finding-more').addEventListener('click', () => { listFrom += LIST_MAX; drawFindingList(); });
  $('export-xlsx').addEventListener('click', exportTable);
  $('export-findings-csv').addEventListener('click', () => exporting(() => exportFindingsCsv(lastResult, template(), reports, lines)));
  $('export-findings-xlsx').addEventListener('click', () => exporting(() => exportFindingsXlsx(lastResult, template(), reports, lines)));
  return checkAll();
}

export const redrawSummary = () => {
  fillTemplates();
  fillProvinces();
  readSheet();
  drawSheet();
  placeFindings();
  drawFindingList();
  showSummary('—');
  describeImport(importInfo);
};
