// Turns a pasted or imported table (CSV or tab-separated text, .xlsx through
// exceljs) into summary-table reports, as clerks' real spreadsheets come:
// - title rows, the unit line and a "填报单位" line above the header are skipped;
// - the header may be one row or the printed template's two rows (a group name over
//   its parts), optionally followed by the row of indicator numbers 1 … n; columns
//   are mapped by indicator number (1, 指标1, indicator 1) or by the indicator's
//   printed name, and period / submitted-on / unit columns by their usual names;
// - without a header the columns are period, submitted on, then the indicators;
// - dates come as 2022-09, 2022/9, 2022年9月, 202209, 2022/2/5, 2022.2.5,
//   2022年2月5日, Excel dates or Excel serial numbers;
// - a 合计 (总计) row is kept as a report marked `total`, for the core to check;
// - bytes that are not UTF-8 are decoded as GB18030 (GBK's superset: Chinese Excel's
//   default CSV), and the encoding is reported.
// Every column's mapping is returned, so the page can say which column went where.

const loaded = new Map();
/** Loads a classic script (a vendor library served from this site) once. */
export function loadScript(src, globalName) {
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

const squeeze = (s) => String(s ?? '').replace(/[\s\u3000]+/g, '').replace(/^其中[:：]?/, '').replace(/（/g, '(').replace(/）/g, ')');

/** Text of a decoded file: UTF-8 when the bytes are valid UTF-8, else GB18030. */
export function decodeBytes(bytes) {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view[0] === 0xff && view[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(view), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(view).replace(/^\ufeff/, ''), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(view), encoding: 'GB18030' };
  }
}

// ---- dates ------------------------------------------------------------------

const pad = (n) => String(n).padStart(2, '0');
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function fromSerial(n) {
  const d = new Date(EXCEL_EPOCH + Math.round(n) * 86400000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A day as YYYY-MM-DD from the forms people and Excel write; else the text as given. */
export function toDay(v) {
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'number' && v > 20000 && v < 80000) return fromSerial(v);
  const s = String(v ?? '').trim();
  let m = s.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/);
  if (m) return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  m = s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  if (/^\d{5}(\.\d+)?$/.test(s) && Number(s) > 20000) return fromSerial(Number(s));
  return s;
}

/** A month as YYYY-MM; else the text as given. */
export function toMonth(v) {
  if (v instanceof Date || (typeof v === 'number' && v > 20000 && v < 80000)) return toDay(v).slice(0, 7);
  const s = String(v ?? '').trim();
  let m = s.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:份)?$/);
  if (m) return `${m[1]}-${pad(m[2])}`;
  m = s.match(/^(\d{4})(\d{2})$/);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2]}`;
  const day = toDay(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(day)) return day.slice(0, 7);
  return s;
}

/** The first cell of a total row (合计, 总计), which is kept and checked, not skipped. */
export const TOTAL = /^(合计|总计)/;

const looksLikeMonth = (v) => /^\d{4}-\d{2}$/.test(toMonth(v));

// ---- columns ----------------------------------------------------------------

/** What one header cell names: period, submitted_on, unit, label (项目), an indicator number, or null. */
export function columnOf(header, indicators = []) {
  const h = squeeze(header).toLowerCase();
  if (!h) return null;
  if (/^(period|报告期|月份|统计期|期间|统计月份|报告月份|所属期)$/.test(h)) return 'period';
  if (/^(submitted_?on|报送日期|填报时间|报送时间|填报日期|上报日期|上报时间)$/.test(h)) return 'submitted_on';
  if (/^(unit|单位|填报单位|地区|单位名称|市县|市州)$/.test(h)) return 'unit';
  if (/^(项目|item)$/.test(h)) return 'label';
  const m = h.match(/^(?:指标|indicator)?(\d{1,2})$/);
  if (m && Number(m[1]) >= 1 && (!indicators.length || Number(m[1]) <= indicators.length)) return m[1];
  return null;
}

function nameMatches(indicators, header) {
  const h = squeeze(header);
  if (!h) return [];
  return indicators.filter((ind) => squeeze(ind.name) === h || squeeze(ind.name_en ?? '').toLowerCase() === h.toLowerCase())
    .map((ind) => String(ind.number));
}

function cellText(v) {
  if (v instanceof Date) return v;
  if (v && typeof v === 'object') {
    if (v.result !== undefined) return cellText(v.result);
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    return '';
  }
  return v ?? '';
}

const isBlank = (v) => String(v ?? '').trim() === '';

/** The row of printed indicator numbers 1 … n (each once, in order), as column → number. */
function numberRow(row, n) {
  const found = {};
  let expect = 1;
  let other = 0;
  row.forEach((v, i) => {
    const s = String(v).trim();
    if (s === String(expect)) { found[i] = s; expect += 1; } else if (s && columnOf(s) === null) other += 1;
  });
  return expect - 1 === n && n > 1 && other === 0 ? found : null;
}

/**
 * rows: arrays of cell values → { reports, columns, skipped, headerRows }.
 * `columns[i]` is what column i was read as (period, submitted_on, unit, label, an
 * indicator number, or null: ignored); `overrides` (index → target) replaces it.
 */
export function rowsToReports(rawRows, indicatorsOrCount, overrides = {}) {
  const indicators = Array.isArray(indicatorsOrCount) ? indicatorsOrCount
    : Array.from({ length: indicatorsOrCount }, (_, i) => ({ number: i + 1, name: '' }));
  const n = indicators.length;
  const rows = rawRows.map((r) => (Array.isArray(r) ? r : []).map(cellText));
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  let columns = new Array(width).fill(null);
  let first = 0;          // the first data row
  const headerRows = [];
  // Scan the first rows for a header: a row naming at least two columns, or the row of numbers.
  const scan = Math.min(rows.length, 15);
  for (let r = 0; r < scan; r += 1) {
    const row = rows[r];
    if (row.every(isBlank)) continue;
    if (looksLikeMonth(row.find((c) => !isBlank(c)))) break;  // data started: no header
    const numbers = numberRow(row, n);
    const named = row.map((c) => columnOf(c, indicators));
    const byName = row.map((c) => nameMatches(indicators, c));
    // Bare numbers name indicators only in a row that also names something in words
    // (a data row is numbers too).
    const bare = row.map((c) => /^\d+$/.test(String(c).trim()));
    const words = named.filter((k, i) => k && !bare[i]).length + byName.filter((l) => l.length).length;
    const hits = words ? words + named.filter((k, i) => k && bare[i]).length : 0;
    if (numbers) {
      row.forEach((c, i) => { if (named[i] && !/^\d+$/.test(named[i]) && !columns[i]) columns[i] = named[i]; });
      for (const [i, k] of Object.entries(numbers)) columns[i] = k;
      headerRows.push(r);
      first = r + 1;
      continue;
    }
    if (hits >= 2) {
      // A header row: fill what it names; a later header row (the parts under a group) wins.
      const used = new Set(columns.filter(Boolean));
      row.forEach((c, i) => {
        if (named[i] && !(named[i] === 'label' && columns[i])) { columns[i] = named[i]; return; }
        const options = byName[i].filter((k) => !used.has(k) || columns[i] === k);
        if (options.length && !(/^\d+$/.test(columns[i] ?? '') && headerRows.length && byName[i].includes(columns[i]))) {
          columns[i] = options[0];
          used.add(options[0]);
        }
      });
      headerRows.push(r);
      first = r + 1;
    } else if (headerRows.length) {
      break;  // the header is over
    }
  }
  if (!headerRows.length) {
    columns = ['period', 'submitted_on', ...indicators.map((ind) => String(ind.number))];
    first = 0;
  }
  for (const [i, target] of Object.entries(overrides)) columns[i] = target || null;
  const reports = [];
  const lines = [];         // each report's row in the file (1-based), for findings
  const skipped = [];
  for (let r = first; r < rows.length; r += 1) {
    const row = rows[r];
    if (row.every(isBlank)) continue;
    const firstText = String(row.find((c) => !isBlank(c)) ?? '').trim();
    if (/^(填报单位|填报说明|填报人|填表人|负责人|注[:：]|说明|\d+[.、．])/.test(firstText) && !looksLikeMonth(firstText)) {
      skipped.push({ row: r + 1, reason: 'note' });
      continue;
    }
    const totalRow = TOTAL.test(firstText.replace(/[\s\u3000]+/g, ''));
    const report = { period: '', submitted_on: '', values: {} };
    columns.forEach((col, i) => {
      if (totalRow && (col === 'unit' || col === 'label')) return;
      const raw = row[i];
      if (!col || isBlank(raw)) return;
      if (col === 'period') report.period = toMonth(raw);
      else if (col === 'submitted_on') report.submitted_on = toDay(raw);
      else if (col === 'unit') report.unit = String(raw).trim();
      else if (col === 'label') {
        const s = String(raw instanceof Date ? toMonth(raw) : raw).trim();
        const m = s.match(/^(.*?)\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*月?|\d{6})$/);
        if (m) {
          if (!report.period) report.period = toMonth(m[2]);
          if (m[1] && !report.unit) report.unit = m[1].trim();
        } else if (!report.unit) report.unit = s;
      } else {
        const text = String(raw).trim().replace(/,/g, '');
        report.values[col] = typeof raw === 'number' ? raw : (Number.isFinite(Number(text)) ? Number(text) : String(raw).trim());
      }
    });
    if (!report.period && !report.submitted_on && !Object.keys(report.values).length) {
      skipped.push({ row: r + 1, reason: 'empty' });
      continue;
    }
    if (totalRow) {
      report.unit = firstText.replace(/[\s\u3000]+/g, '').slice(0, 2);
      report.total = true;
    }
    reports.push(report);
    lines.push(r + 1);
  }
  // A 合计 row without a period of its own totals the period every other row reports.
  const periods = new Set(reports.filter((rep) => !rep.total).map((rep) => rep.period));
  if (periods.size === 1) for (const rep of reports) if (rep.total && !rep.period) rep.period = [...periods][0];
  return { reports, lines, columns, skipped, headerRows: headerRows.map((r) => r + 1), header: headerRows.map((r) => rows[r]) };
}

// ---- CSV --------------------------------------------------------------------

/** Splits CSV or tab-separated text into rows of strings (quotes, doubled quotes, CRLF). */
export function splitDelimited(text) {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0 || text.length);
  const tabs = (firstLine.match(/\t/g) ?? []).length;
  const commas = (firstLine.match(/,/g) ?? []).length;
  const sep = tabs > commas ? '\t' : ',';
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { cell += '"'; i += 1; } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

export async function parseDelimited(text, indicators, overrides) {
  return rowsToReports(splitDelimited(text.replace(/^\ufeff/, '')), indicators, overrides);
}

/** The first worksheet's rows, merged cells read as blank but for their first cell. */
export async function xlsxRows(arrayBuffer, ExcelJS) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(arrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells = [];
    for (let c = 1; c <= row.cellCount; c += 1) {
      const cell = row.getCell(c);
      cells.push(cell.isMerged && cell.master !== cell ? '' : cell.value);
    }
    rows[number - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

export async function parseXlsx(arrayBuffer, indicators, overrides) {
  const ExcelJS = await loadScript('vendor/exceljs.min.js', 'ExcelJS');
  return rowsToReports(await xlsxRows(arrayBuffer, ExcelJS), indicators, overrides);
}
