// The application report (jiangxi-2023 annex 1) filled from the checked form, laid
// out as the template prints it: the numbered parts, then the annex table with its
// fixed declaration and the signature and stamp boxes. The layout is the catalog's
// (`forms[].report`), so another notice's template is data. The report prints in
// Chinese, as the template does; while the form has errors the print area holds the
// reasons instead, and the print button refuses.
import { msg, t } from './i18n.js';

const $ = (id) => document.getElementById(id);
let spec = null;   // the catalog's form
let lastOk = false;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

/** The value a field reference ("unit/name") has in the request, as printed. */
function valueAt(request, ref) {
  const [section, key] = ref.split('/');
  const v = request[section]?.[key];
  return v == null ? '' : String(v);
}

/** A template text with {section/field} filled and {} left as a blank to write on. */
function filled(text, request) {
  const out = [];
  let rest = text;
  for (let m = rest.match(/\{([^}]*)\}/); m; m = rest.match(/\{([^}]*)\}/)) {
    out.push(rest.slice(0, m.index));
    const value = m[1] ? valueAt(request, m[1]) : '';
    out.push(el('span', { class: value ? 'fill' : 'fill blank' }, value || '\u3000'.repeat(6)));
    rest = rest.slice(m.index + m[0].length);
  }
  out.push(rest);
  return out;
}

function listTable(section, rows) {
  const head = el('tr', {}, el('th', { scope: 'col' }, '序号'),
    ...section.fields.map((f) => el('th', { scope: 'col' }, f.label)));
  const body = rows.map((row, i) => el('tr', {}, el('td', {}, String(i + 1)),
    ...section.fields.map((f) => el('td', { 'data-field': `${section.key}/${i}/${f.key}` }, row[f.key] == null ? '' : String(row[f.key])))));
  return el('table', { class: 'doc-list' }, el('thead', {}, head), el('tbody', {}, ...body));
}

function paragraphs(text) {
  const lines = String(text ?? '').split(/\n+/).filter((l) => l.trim());
  return lines.length ? lines.map((l) => el('p', { class: 'doc-text' }, l)) : [el('p', { class: 'doc-text blank' }, '')];
}

function annexTable(table, request) {
  const rows = table.rows.map((cells) => {
    const tr = el('tr');
    for (const cell of cells) {
      tr.append(el('th', { scope: 'row' }, cell.label.zh));
      const td = el('td', cells.length === 1 ? { colspan: '3' } : {});
      if (cell.field) {
        td.dataset.field = cell.field;
        td.textContent = valueAt(request, cell.field);
      } else if (cell.text) {
        td.append(...filled(cell.text.zh, request));
      }
      tr.append(td);
    }
    return tr;
  });
  const boxes = table.boxes.map((box) => el('tr', { class: 'box' },
    el('th', { scope: 'row' }, box.label.zh),
    el('td', { colspan: '3' },
      el('p', { class: 'declaration' }, ...filled(box.text.zh, box.office_use ? {} : request)),
      el('p', { class: 'sign' }, el('span', {}, box.signature.zh, el('span', { class: 'line' }, '')), el('span', { class: 'date' }, box.date.zh)),
      el('p', { class: 'stamp' }, box.stamp.zh))));
  return el('article', { class: 'doc-page annex', lang: 'zh-CN' },
    el('p', { class: 'annex-label' }, table.label.zh),
    el('h2', { class: 'doc-title' }, table.title.zh),
    el('table', { class: 'annex-table' }, el('colgroup', {}, el('col', { class: 'label' }), el('col'), el('col', { class: 'label' }), el('col')),
      el('tbody', {}, ...rows, ...boxes)));
}

/** Fields of the form's single sections that the template has no place for (the credit code). */
function unplaced() {
  const report = spec.report;
  const placed = new Set(report.parts.map((p) => p.field).filter(Boolean));
  for (const row of report.annex_table.rows) {
    for (const cell of row) {
      if (cell.field) placed.add(cell.field);
      for (const m of (cell.text?.zh ?? '').matchAll(/\{([^}]+)\}/g)) placed.add(m[1]);
    }
  }
  return spec.sections.filter((s) => !s.list)
    .flatMap((s) => s.fields.map((f) => [`${s.key}/${f.key}`, f])).filter(([ref]) => !placed.has(ref));
}

/** The report as the template prints it, filled from `request`. */
export function renderReport(request) {
  const report = spec.report;
  const extra = unplaced().filter(([ref]) => valueAt(request, ref) !== '');
  const parts = report.parts.map((part, i) => {
    const body = [];
    // The first part opens with what the form holds and the template has no line for.
    if (i === 0 && extra.length) {
      body.push(el('p', { class: 'doc-text extra' }, extra.map(([ref, f]) => `${f.label}：${valueAt(request, ref)}`).join('；')));
    }
    if (part.field) body.push(...paragraphs(valueAt(request, part.field)));
    if (part.list) {
      const section = spec.sections.find((s) => s.key === part.list);
      body.push(listTable(section, request[part.list] ?? []));
    }
    return el('section', { class: 'doc-part' }, el('h3', {}, `${part.number.zh}、${part.title.zh}`), ...body);
  });
  return [
    el('article', { class: 'doc-page', lang: 'zh-CN' }, el('h2', { class: 'doc-title' }, report.title.zh), ...parts),
    annexTable(report.annex_table, request),
  ];
}

function fieldLabel(path) {
  const [, section, second, third] = path.split('/');
  const sec = spec.sections.find((s) => s.key === section);
  if (!sec) return '';
  const key = sec.list ? third : second;
  const field = sec.fields.find((f) => f.key === key);
  const row = sec.list && second !== undefined ? t(`第${Number(second) + 1}项`, ` #${Number(second) + 1}`) : '';
  return field ? `${t(sec.label, sec.label_en)}${row}·${t(field.label, field.label_en)}` : t(sec.label, sec.label_en);
}

/** The print area, and the alert by the print button, say why the report is not printed. */
function showRefusal(area, title, reasons) {
  area.replaceChildren(el('div', { class: 'refused' }, el('p', {}, title), el('ul', {}, ...reasons)));
  $('print-refused').replaceChildren(el('p', {}, title), el('ul', {}, ...reasons.map((li) => li.cloneNode(true))));
}

/** Redraws the print area from the checked request and its result. */
export function updateReport(request, result, leftovers = []) {
  if (!spec?.report) return;
  const area = $('report-print');
  // A notice whose own form was not seen: its report is not printed on another notice's template.
  const formUnknown = (result.warnings ?? []).find((f) => f.code === 'application.rules_unknown');
  lastOk = result.errors.length === 0 && !leftovers.length && !formUnknown;
  if (formUnknown) {
    const title = t('所选通知的申请表未见，不能按其他通知的模板打印申请报告：',
      'The chosen notice\'s form was not seen, so the report is not printed on another notice\'s template:');
    const reasons = [el('li', {}, msg(formUnknown))];
    showRefusal(area, title, reasons);
  } else if (leftovers.length && !result.errors.length) {
    const title = t('申请表仍含示例中的虚构信息，改为本单位的信息后才能打印申请报告：',
      'The form still holds the example\'s made-up details; replace them with your unit\'s to print the report:');
    const reasons = leftovers.map((label) => el('li', {}, label));
    showRefusal(area, title, reasons);
  } else if (lastOk) {
    area.replaceChildren(...renderReport(request));
    $('print-refused').hidden = true;
  } else {
    const reasons = result.errors.map((f) => {
      const label = fieldLabel(f.path ?? '');
      return el('li', { 'data-finding-path': f.path ?? '' }, label ? `${label}：` : '', msg(f));
    });
    const title = t(`申请表还有 ${result.errors.length} 个错误，改正后才能打印申请报告：`,
      `The form has ${result.errors.length} error(s); correct them to print the report:`);
    showRefusal(area, title, reasons);
  }
  document.getElementById('application').dataset.printable = String(lastOk);
}

export function initReport(formSpec, checkNow) {
  spec = formSpec;
  if (!spec?.report) {
    $('print-report').hidden = true;
    return;
  }
  $('print-report').addEventListener('click', async () => {
    const { request, result, leftovers } = await checkNow();
    updateReport(request, result, leftovers);
    if (!lastOk) {
      $('print-refused').hidden = false;
      $('print-refused').focus();
      return;
    }
    document.body.dataset.print = 'report';
    window.print();
  });
  window.addEventListener('afterprint', () => { delete document.body.dataset.print; });
}
