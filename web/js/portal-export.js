// Exports of the checked summary table: the reports as an .xlsx laid out as the
// notice's annex prints it (title, unit line, the printed header rows, the indicator
// numbers, one row per report, the footer), from the catalog's template `layout`;
// and the findings as CSV or .xlsx (row, indicator, message, clause) to send back to
// a unit. exceljs is served from this site and loaded when first used.
import { download } from './format.js';
import { loadScript } from './table-import.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const thin = { style: 'thin' };
const border = { top: thin, left: thin, bottom: thin, right: thin };

async function workbook() {
  const ExcelJS = await loadScript('vendor/exceljs.min.js', 'ExcelJS');
  const book = new ExcelJS.Workbook();
  book.creator = 'Jianxi';
  return book;
}

async function save(book, name) {
  const buffer = await book.xlsx.writeBuffer();
  download(name, buffer, XLSX_TYPE);
}

/** The 项目 cell of a report: its period, after its unit when it names one; a 合计 row is just that. */
export const rowLabel = (report) => (report.total ? report.unit : report.unit ? `${report.unit} ${report.period}` : report.period);

/**
 * Lays the reports out on a worksheet as the annex prints them. Returns the row
 * numbers used, so a test (or a reader) can find the header and the data.
 */
export function layOut(sheet, template, reports) {
  const n = template.indicators.length;
  const layout = template.layout ?? { first_column: { zh: '项目' }, header_rows: [template.indicators.map((ind) => ({ from: ind.number, text: { zh: ind.name } }))], number_row: true };
  const lastCol = n + 1;
  let row = 1;
  sheet.mergeCells(row, 1, row, lastCol);
  Object.assign(sheet.getCell(row, 1), { value: template.title });
  sheet.getCell(row, 1).font = { bold: true, size: 16 };
  sheet.getCell(row, 1).alignment = { horizontal: 'center' };
  sheet.getRow(row).height = 28;
  row += 1;
  if (layout.above) {
    const half = Math.max(1, Math.floor(lastCol / 2));
    sheet.mergeCells(row, 1, row, half);
    sheet.getCell(row, 1).value = layout.above.zh;
    sheet.mergeCells(row, half + 1, row, lastCol);
    sheet.getCell(row, half + 1).value = template.units;
    sheet.getCell(row, half + 1).alignment = { horizontal: 'right' };
  } else {
    sheet.mergeCells(row, 1, row, lastCol);
    sheet.getCell(row, 1).value = template.units;
    sheet.getCell(row, 1).alignment = { horizontal: 'right' };
  }
  row += 1;
  const headerTop = row;
  const headerRows = layout.header_rows.length + (layout.number_row ? 1 : 0);
  sheet.mergeCells(headerTop, 1, headerTop + headerRows - 1, 1);
  sheet.getCell(headerTop, 1).value = layout.first_column.zh;
  layout.header_rows.forEach((cells, r) => {
    for (const cell of cells) {
      const top = headerTop + r;
      const bottom = top + (cell.rows ?? 1) - 1;
      const from = cell.from + 1;
      const to = (cell.to ?? cell.from) + 1;
      if (bottom > top || to > from) sheet.mergeCells(top, from, bottom, to);
      sheet.getCell(top, from).value = cell.text.zh;
    }
  });
  if (layout.number_row) {
    const numbers = headerTop + layout.header_rows.length;
    for (let k = 1; k <= n; k += 1) sheet.getCell(numbers, k + 1).value = k;
  }
  for (let r = headerTop; r < headerTop + headerRows; r += 1) {
    for (let c = 1; c <= lastCol; c += 1) {
      const cell = sheet.getCell(r, c);
      cell.border = border;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.font = { bold: r < headerTop + layout.header_rows.length };
    }
    sheet.getRow(r).height = r < headerTop + layout.header_rows.length ? 66 : 18;
  }
  const dataTop = headerTop + headerRows;
  row = dataTop;
  for (const report of reports) {
    sheet.getCell(row, 1).value = rowLabel(report);
    sheet.getCell(row, 1).border = border;
    template.indicators.forEach((ind, i) => {
      const cell = sheet.getCell(row, i + 2);
      const v = report.values?.[ind.number];
      cell.value = v === undefined || v === '' ? null : v;
      cell.numFmt = ind.type === 'money' ? `0.${'0'.repeat(template.money_decimals ?? 4)}` : '0';
      cell.border = border;
    });
    row += 1;
  }
  if (layout.footer) {
    sheet.mergeCells(row, 1, row, lastCol);
    sheet.getCell(row, 1).value = layout.footer.zh;
    row += 1;
  }
  sheet.getColumn(1).width = reports.some((r) => r.unit) ? 22 : 11;
  for (let c = 2; c <= lastCol; c += 1) sheet.getColumn(c).width = 9.5;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: dataTop - 1 }];
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return { headerTop, dataTop, end: row - 1 };
}

export async function exportSummaryXlsx(template, request) {
  const book = await workbook();
  layOut(book.addWorksheet('汇总表'), template, request.reports);
  await save(book, `${template.id}-${request.province ?? ''}.xlsx`);
}

/** One line per finding: severity, row (in the imported file when there was one), item, indicator, message, code, clause, path. */
export function findingRows(result, template, reports, lines = []) {
  const all = [...(result.errors ?? []).map((f) => ['错误', f]), ...(result.warnings ?? []).map((f) => ['提示', f])];
  return all.map(([severity, f]) => {
    const m = (f.path ?? '').match(/^\/reports\/(\d+)(?:\/values\/(\d+)|\/(\w+))?/);
    const index = m ? Number(m[1]) : null;
    const indicator = m?.[2] ? template.indicators[Number(m[2]) - 1] : null;
    return [severity, index == null ? '' : lines[index] ?? index + 1, index == null ? '' : rowLabel(reports[index] ?? {}),
      indicator ? `${indicator.number} ${indicator.name}` : (m?.[3] === 'period' ? '报告期' : m?.[3] === 'submitted_on' ? '报送日期' : ''),
      f.message, f.code, f.rule ?? '', f.path ?? ''];
  });
}

export const FINDING_COLUMNS = ['严重程度', '行', '项目', '指标', '说明', '代码', '条款', '路径'];

const csvCell = (v) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

export function exportFindingsCsv(result, template, reports, lines) {
  const text = [FINDING_COLUMNS, ...findingRows(result, template, reports, lines)].map((r) => r.map(csvCell).join(','));
  // A byte-order mark, so that Excel opens the UTF-8 file as such.
  download(`${template.id}-findings.csv`, `\ufeff${text.join('\r\n')}\r\n`, 'text/csv;charset=utf-8');
}

export async function exportFindingsXlsx(result, template, reports, lines) {
  const book = await workbook();
  const sheet = book.addWorksheet('校验结果');
  sheet.addRow(FINDING_COLUMNS).font = { bold: true };
  for (const r of findingRows(result, template, reports, lines)) sheet.addRow(r);
  [6, 5, 14, 28, 60, 26, 18, 22].forEach((w, i) => { sheet.getColumn(i + 1).width = w; });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  await save(book, `${template.id}-findings.xlsx`);
}
