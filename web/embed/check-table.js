// checkTable(fileOrRows, {template, province | policy}): the monthly summary table
// (汇总表) as a portal takes it, as an uploaded CSV or .xlsx file, as rows of cells, or
// as its own HTML <table>, read by the portal page's table import (header found by
// indicator numbers or names, dates as people write them) and checked by the core.
// Each finding comes back with the row and column it names, counted in the rows
// given (0-based, the header included), and a relation that fails (e.g. 8≥9+11) with
// every cell of both sides, so the portal can mark them.
import * as core from './engine.js';
import { decodeBytes, rowsToReports, splitDelimited, xlsxRows } from '../js/table-import.js';
import { segments } from './pointer.js';

const cellValue = (cell) => {
  const input = cell.querySelector('input, select, textarea');
  return (input ? input.value : cell.textContent).trim();
};

/** Rows of text, and for an HTML table the cell elements, from what the portal has. */
async function rowsOf(source, options) {
  if (source instanceof HTMLTableElement) {
    const trs = [...source.rows];
    return { rows: trs.map((tr) => [...tr.cells].map(cellValue)), cells: trs.map((tr) => [...tr.cells]) };
  }
  if (Array.isArray(source)) return { rows: source };
  if (source instanceof Blob) {
    const bytes = await source.arrayBuffer();
    if (/\.xlsx$/i.test(source.name ?? '')) {
      const ExcelJS = options.ExcelJS ?? globalThis.ExcelJS;
      if (!ExcelJS) return { unreadable: ['读取 .xlsx 文件需要页面先加载 exceljs', 'reading an .xlsx file needs exceljs loaded by the page'] };
      return { rows: await xlsxRows(bytes, ExcelJS) };
    }
    return { rows: splitDelimited(decodeBytes(bytes).text) };
  }
  return { unreadable: ['表格须为文件、行数组或 <table> 元素', 'the table must be a file, an array of rows or a <table> element'] };
}

const blank = (row) => row.every((c) => String(c ?? '').trim() === '');

/** The row (in the given rows) of each report rowsToReports made: data rows, less blank and skipped ones. */
function reportRows(rows, parsed) {
  const skipped = new Set(parsed.skipped.map((s) => s.row - 1));
  const first = parsed.headerRows.length ? Math.max(...parsed.headerRows) : 0;
  const out = [];
  for (let r = first; r < rows.length; r += 1) if (!blank(rows[r] ?? []) && !skipped.has(r)) out.push(r);
  return out;
}

/** Both sides of the template's relation that fails at indicator `n` of a report. */
function relationCells(template, values, n) {
  const sum = (side) => side.reduce((s, i) => s + (values[i] ?? 0), 0);
  for (const relation of template.relations ?? []) {
    for (let s = 0; s + 1 < relation.sides.length; s += 1) {
      const [left, right] = [relation.sides[s], relation.sides[s + 1]];
      if (left[0] === n && sum(left) < sum(right)) return [...left, ...right];
    }
  }
  return [n];
}

export async function checkTable(source, options = {}) {
  const unreadable = (zh, en) => ({
    ok: false, result: null,
    findings: [{ severity: 'error', path: '', code: 'table.unreadable', message: zh, message_en: en, row: null, column: null, cells: [] }],
  });
  let read;
  try {
    read = await rowsOf(source, options);
  } catch (e) {
    return unreadable('表格文件无法读取', `the table file cannot be read (${e?.message ?? e})`);
  }
  if (read.unreadable) return unreadable(...read.unreadable);
  const catalog = await core.catalog({ sections: ['templates'] });
  const template = catalog.templates.find((t) => t.id === options.template);
  const request = { kind: 'summary_table', template: options.template };
  if (options.policy) request.policy = options.policy;
  if (options.province) request.province = options.province;
  const parsed = rowsToReports(read.rows, template?.indicators ?? [], options.columns ?? {});
  const result = await core.checkReports(request, parsed.reports, template?.indicators.length ?? 0);
  const rowOfReport = reportRows(read.rows, parsed);
  const columnOf = (key) => {
    const c = parsed.columns.indexOf(String(key));
    return c < 0 ? null : c;
  };
  const place = (finding, severity) => {
    const [top, index, field, indicator] = segments(finding.path ?? '');
    const out = { ...finding, severity, row: null, column: null, cells: [], relation: finding.code === 'summary.relation' };
    if (top !== 'reports' || index === undefined) return out;
    const report = parsed.reports[Number(index)];
    out.row = rowOfReport[Number(index)] ?? null;
    if (field === 'values' && indicator !== undefined) {
      const numbers = out.relation && template ? relationCells(template, report?.values ?? {}, Number(indicator)) : [Number(indicator)];
      out.column = columnOf(indicator);
      out.cells = numbers.map((n) => ({ row: out.row, column: columnOf(n) })).filter((c) => c.column !== null);
    } else if (field) {
      out.column = columnOf(field === 'submitted_on' ? 'submitted_on' : field);
      if (out.column !== null) out.cells = [{ row: out.row, column: out.column }];
    }
    if (read.cells) {
      out.elements = out.cells.map((c) => read.cells[c.row]?.[c.column]).filter(Boolean);
      out.target = out.elements[0] ?? null;
    }
    return out;
  };
  const findings = [
    ...result.errors.map((f) => place(f, 'error')),
    ...result.warnings.map((f) => place(f, 'warning')),
  ];
  return { ok: result.ok, result, findings, columns: parsed.columns, reports: parsed.reports.length };
}
