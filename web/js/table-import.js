// Turns a pasted or imported table (CSV or tab-separated text through papaparse,
// .xlsx through exceljs) into summary-table reports. The first row may be a header
// naming the columns (period/报告期, submitted_on/报送日期, 1..15 or 指标1..); without
// one, the columns are period, submitted_on, then the indicators in order. Both
// libraries are served from this site and loaded only when first needed.
const loaded = new Map();
function loadScript(src, globalName) {
  if (globalThis[globalName]) return Promise.resolve(globalThis[globalName]);
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((done, fail) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => done(globalThis[globalName]);
      script.onerror = () => fail(new Error(`cannot load ${src}`));
      document.head.append(script);
    }));
  }
  return loaded.get(src);
}

const isPeriod = (v) => /^\d{4}-\d{1,2}$/.test(String(v).trim());

function columnOf(header) {
  const h = String(header ?? '').trim().toLowerCase();
  if (/^(period|报告期|月份|统计期|期间)$/.test(h)) return 'period';
  if (/^(submitted_on|报送日期|填报时间|报送时间|填报日期)$/.test(h)) return 'submitted_on';
  const m = h.match(/^(?:指标|indicator\s*)?(\d{1,2})$/);
  return m ? m[1] : null;
}

function cellText(v) {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v && typeof v === 'object') return cellText(v.result ?? v.text ?? v.richText?.map((r) => r.text).join('') ?? '');
  return v ?? '';
}

/** rows: arrays of cell values → [{period, submitted_on, values}] */
export function rowsToReports(rows, indicatorCount) {
  rows = rows.map((r) => r.map(cellText)).filter((r) => r.some((c) => String(c).trim() !== ''));
  if (!rows.length) return [];
  let columns;
  if (!isPeriod(rows[0][0]) && rows[0].some((h) => columnOf(h))) {
    columns = rows.shift().map(columnOf);
  } else {
    columns = ['period', 'submitted_on', ...Array.from({ length: indicatorCount }, (_, i) => String(i + 1))];
  }
  return rows.map((row) => {
    const report = { period: '', submitted_on: '', values: {} };
    columns.forEach((col, i) => {
      const raw = String(row[i] ?? '').trim();
      if (!col || raw === '') return;
      if (col === 'period') report.period = raw.replace(/^(\d{4})-(\d)$/, '$1-0$2').slice(0, 7);
      else if (col === 'submitted_on') report.submitted_on = raw.slice(0, 10);
      else report.values[col] = Number.isFinite(Number(raw)) ? Number(raw) : raw;
    });
    return report;
  });
}

export async function parseDelimited(text, indicatorCount) {
  const Papa = await loadScript('vendor/papaparse.min.js', 'Papa');
  const parsed = Papa.parse(text.trim(), { skipEmptyLines: true });
  return rowsToReports(parsed.data, indicatorCount);
}

export async function parseXlsx(arrayBuffer, indicatorCount) {
  const ExcelJS = await loadScript('vendor/exceljs.min.js', 'ExcelJS');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(arrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(row.getCell(c).value);
    rows.push(cells);
  });
  return rowsToReports(rows, indicatorCount);
}
