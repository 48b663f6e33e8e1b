// Number and label formatting shared by the pages.
import { t } from './i18n.js';

export const yuan = (n) =>
  Number(n).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const percent = (r) => `${Math.round(Number(r) * 1000) / 10}%`;

const items = {
  position: ['见习补贴', 'internship subsidy'],
  insurance: ['保险补贴', 'insurance'],
  retention_uplift: ['留用提标差额', 'retention uplift'],
  remaining_period: ['剩余期限补贴', 'remaining period'],
  mentoring: ['带教补贴', 'mentoring bonus'],
  social_insurance: ['社保补贴', 'social insurance'],
};
export const itemName = (item) => (items[item] ? t(...items[item]) : item);

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
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
