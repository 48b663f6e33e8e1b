// Number and label formatting shared by every page: one money formatter, one
// percentage formatter, and names from the core's catalog in the chosen language.
import { t } from './i18n.js';

/** Yuan with two decimals and grouping: 10960 → "10,960.00". */
export const yuan = (n) =>
  Number(n).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A rate as a percentage with at most two decimals: 2/3 → "66.67%", 1 → "100%". */
export const percent = (r) => `${Number((Number(r) * 100).toFixed(2))}%`;
/** A line's rate as the core sent it (six decimals): a part month counted by the day (9/22 of
 * 100%) keeps enough places for base × rate to give the amount. */
export const linePercent = (r) => `${Number((Number(r) * 100).toFixed(4))}%`;

/** The name of a catalog entry ({id, name, name_en}) in the chosen language. */
export const nameOf = (entry) => (entry ? t(entry.name, entry.name_en) : '');

/** The name of the entry with `id` in a catalog list, else the id itself. */
export const nameIn = (list, id) => {
  const entry = (list ?? []).find((e) => e.id === id);
  return entry ? nameOf(entry) : id;
};

/** Downloads text as a file (a blob link the person saves). */
export function download(name, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Calls fn at most once per `ms` of quiet. */
export function debounce(fn, ms) {
  let timer;
  const later = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  later.cancel = () => clearTimeout(timer);
  return later;
}

/** Today's date on this device (its own time zone, not UTC), as YYYY-MM-DD. */
export function today(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The catalog's provinces (in its order, by id) that have a notice among `policies`. */
export const provincesWithNotice = (provinces, policies) => {
  const withNotice = new Set(policies.map((p) => p.province));
  return (provinces ?? []).filter((p) => withNotice.has(p.id));
};

/** A province's name in the chosen language; the catalog's id (pinyin) when it has no English name. */
export const provinceName = (provinces, id) => {
  const p = (provinces ?? []).find((x) => x.id === id);
  const en = p?.name_en ?? (id ? id[0].toUpperCase() + id.slice(1) : '');
  return t(p?.name ?? id, en);
};
