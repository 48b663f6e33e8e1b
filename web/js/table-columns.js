// Reports as the core's typed table entry takes them (jianxi.evaluateTableText): one
// period, unit and submission date per report, and the values row-major in a
// Float64Array (NaN for an empty cell). A table of many reports then crosses into the
// core without being written out and read back as JSON.

/**
 * The columns of `reports` for a template of `indicators` indicators, or null when a
 * report holds what columns cannot carry (text in a number cell, a key that is no
 * indicator, a report without values, a line break in a name): such a table is checked
 * as JSON, which names each of those mistakes.
 */
export function reportsToColumns(reports, indicators) {
  const periods = new Array(reports.length);
  const units = new Array(reports.length);
  const submitted = new Array(reports.length);
  const values = new Float64Array(reports.length * indicators).fill(NaN);
  // Text JSON carries as it is: no line break (the columns' separator), no lone surrogate.
  const plainText = (v) => typeof v === 'string' && !v.includes('\n') && (v.isWellFormed?.() ?? true);
  for (let r = 0; r < reports.length; r += 1) {
    const { period, unit = '', submitted_on: on = '', values: cells, ...rest } = reports[r] ?? {};
    if (Object.keys(rest).length || !plainText(period) || !plainText(unit) || !plainText(on)) return null;
    if (typeof cells !== 'object' || cells === null || Array.isArray(cells)) return null;
    periods[r] = period;
    units[r] = unit;
    submitted[r] = on;
    for (const key of Object.keys(cells)) {
      const number = Number(key);
      const value = cells[key];
      if (!Number.isInteger(number) || number < 1 || number > indicators || String(number) !== key) return null;
      if (typeof value !== 'number' || !Number.isFinite(value)) return null;
      values[r * indicators + number - 1] = value;
    }
  }
  return { periods, units, submitted, values, indicators };
}

/** A report as the request states it: an empty submission date is no date. */
export function withoutEmptyDates(report) {
  if (report?.submitted_on !== '') return report;
  const { submitted_on: _, ...rest } = report;
  return rest;
}
