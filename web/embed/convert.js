// Turns what people type into a portal's inputs into the request's values: numbers
// with full-width digits or thousands separators, dates as people write them
// (2023年9月1日, 2023/9/1, 2023.9.1, 20230901, by the portal's table import), ticked
// boxes and yes/no choices. What cannot be read is passed on as typed, so the core
// answers it with a finding at its path.
import { toDay } from '../js/table-import.js';

const halfWidth = (s) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  .replace(/\u3000/g, ' ');

const YES = /^(true|1|yes|on|是|有)$/i;
const NO = /^(false|0|no|off|否|无)$/i;

/** A value of `type` ('number', 'date', 'boolean', 'text') from typed text; undefined when empty. */
export function convert(raw, type) {
  if (typeof raw === 'boolean') return type === 'boolean' || !type ? raw : String(raw);
  const typed = String(raw ?? '').trim();
  if (typed === '') return undefined;
  if (!type || type === 'text') return typed;  // text is the person's own, full-width punctuation included
  const s = halfWidth(typed).trim();
  if (s === '') return undefined;
  if (type === 'number') {
    const plain = s.replace(/[,\s]/g, '');
    return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(plain) ? Number(plain) : typed;
  }
  if (type === 'date') return toDay(s);
  if (type === 'boolean') {
    if (YES.test(s)) return true;
    if (NO.test(s)) return false;
    return s;
  }
  return typed;
}

// Request keys that hold a day, whatever the kind (birth_date, graduated_on, as_of, start, left_on…).
const DAY_KEY = /(^|_)(date|on|as_of|start|end)$/;

/**
 * The type of the value at `path`: the mapping's own `type`, else what the input is
 * (a checkbox, a number or date input), else the catalog form's format for the field.
 */
export function typeFor(path, element, declared, formats) {
  if (declared) return declared;
  const first = element?.length !== undefined && !element.tagName ? element[0] : element;
  if (first?.type === 'checkbox' && !(element.length > 1)) return 'boolean';
  const format = formats.get(path.replace(/\/\d+\//g, '/*/'));
  if (format) return format;
  if (first?.type === 'number') return 'number';
  if (first?.type === 'date') return 'date';
  const key = path.slice(path.lastIndexOf('/') + 1);
  return DAY_KEY.test(key) ? 'date' : 'text';
}

// Formats by path (/unit/staff_count, and /positions/N/count written with a star) from the catalog form.
export function formatsOf(form) {
  const formats = new Map();
  if (!form) return formats;
  const kinds = { count: 'number', number: 'number', money: 'number', date: 'date' };
  for (const section of form.sections ?? []) {
    for (const field of section.fields ?? []) {
      const path = section.list ? `/${section.key}/*/${field.key}` : `/${section.key}/${field.key}`;
      formats.set(path, kinds[field.format] ?? 'text');
    }
  }
  for (const d of form.declarations ?? []) formats.set(`/declarations/${d.key}`, 'boolean');
  return formats;
}
