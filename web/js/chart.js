// Horizontal bar charts in plain HTML, no library: one row per label with its bar and
// the amount, so that the text keeps the page's own size (readable on a phone) and
// long messages wrap. A bar whose result had errors is drawn as a marked gap with the
// reason, never as a zero. The bar widths are set through the CSSOM (the CSP allows no
// inline style attribute).

import { t } from './i18n.js';

const make = (tag, cls, text) => {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
};

/**
 * bars: [{label, value, error?, current?, note?, lang?}]; options: {title, format, errorLabel}.
 * Returns an <ol class="bar-chart"> whose items read "label: amount" in order.
 */
export function barChart(bars, { title, format = String, errorLabel = '—' }) {
  const list = make('ol', 'bar-chart');
  list.setAttribute('aria-label', title);
  const max = Math.max(1, ...bars.filter((b) => !b.error).map((b) => b.value));
  for (const bar of bars) {
    const li = make('li', bar.error ? 'bar error' : bar.current ? 'bar current' : 'bar');
    li.dataset.label = bar.label;
    const label = make('span', 'label', bar.label);
    if (bar.lang) label.lang = bar.lang;
    const sep = make('span', 'visually-hidden', t('：', ': '));
    const track = make('span', 'track');
    track.setAttribute('aria-hidden', 'true');
    if (bar.error) {
      li.dataset.error = 'true';
      track.append(make('span', 'missing'));
      li.append(label, sep, track, make('span', 'value', `${errorLabel}${t('：', ': ')}${bar.error}`));
    } else {
      li.dataset.value = String(bar.value);
      const fill = make('span', 'fill');
      fill.style.setProperty('width', `${Math.max(0.5, (bar.value / max) * 100)}%`);
      track.append(fill);
      li.append(label, sep, track, make('span', 'value', format(bar.value)));
    }
    if (bar.note) li.append(make('span', 'bar-note', bar.note));
    list.append(li);
  }
  return list;
}
