// A module worker holding its own copy of the rule core, so that a large request
// (thousands of reports) is answered in one call, exactly as the CLI would answer
// it, without freezing the page; it fetches the provinces' rules a request needs. It also reads imported files (decoding, rows,
// columns) and reports its progress; the page ends it to cancel.
//   {id, type: 'evaluate', text}                      → {id, text}
//   {id, type: 'table', request, reports, indicators}  → {id, text}
//   {id, type: 'import', name, bytes | text, indicators, overrides, request}
//        → {id, progress: {stage, done, total}} …, the reports in chunks
//          {id, progress, chunk: [reports]} … (each small enough to take in one frame),
//          then {id, info, text}
import { loadJianxi } from '../jianxi.js';
import { reportsToColumns, withoutEmptyDates } from './table-columns.js';
import { decodeBytes, rowsToReports, splitDelimited, xlsxRows } from './table-import.js';

const ready = loadJianxi();

// A table's answer: through the typed entry when the reports fit in columns, else as JSON.
function answerTable(jianxi, request, reports, indicators) {
  const columns = reportsToColumns(reports, indicators);
  if (columns) return jianxi.evaluateTableTextAsync(request, columns);
  return jianxi.evaluateTextAsync(JSON.stringify({ ...request, reports: reports.map(withoutEmptyDates) }));
}

async function exceljs() {
  if (!self.ExcelJS) await import('../vendor/exceljs.min.js');
  return self.ExcelJS;
}

async function importFile(data, progress) {
  progress({ stage: 'reading' });
  let rows;
  let encoding = null;
  if (data.bytes && /\.xlsx$/i.test(data.name ?? '')) {
    rows = await xlsxRows(data.bytes, await exceljs());
  } else {
    let text = data.text;
    if (data.bytes) {
      progress({ stage: 'decoding' });
      ({ text, encoding } = decodeBytes(data.bytes));
    }
    progress({ stage: 'parsing' });
    rows = splitDelimited(text.replace(/^\ufeff/, ''));
  }
  progress({ stage: 'parsing', done: rows.length, total: rows.length });
  const parsed = rowsToReports(rows, data.indicators, data.overrides ?? {});
  progress({ stage: 'checking' });
  const jianxi = await ready;
  const text = await answerTable(jianxi, data.request, parsed.reports, data.indicators.length);
  const CHUNK = 4000;
  for (let i = 0; i < parsed.reports.length; i += CHUNK) {
    progress({ stage: 'sending', done: Math.min(parsed.reports.length, i + CHUNK), total: parsed.reports.length },
      parsed.reports.slice(i, i + CHUNK));
  }
  return {
    text,
    info: { encoding, lines: parsed.lines, columns: parsed.columns, header: parsed.header, headerRows: parsed.headerRows,
      reports: parsed.reports.length, skipped: parsed.skipped.length },
  };
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === 'import') {
      const answer = await importFile(data, (progress, chunk) => self.postMessage({ id: data.id, progress, chunk }));
      self.postMessage({ id: data.id, ...answer });
      return;
    }
    const jianxi = await ready;
    const text = await (data.type === 'table' ? answerTable(jianxi, data.request, data.reports, data.indicators)
      : jianxi.evaluateTextAsync(data.text));
    self.postMessage({ id: data.id, text });
  } catch (err) {
    self.postMessage({ id: data.id, error: String(err?.message ?? err) });
  }
};
