// Horizontal bar charts as inline SVG, no library: one bar per label, the amount
// printed at its end. A bar whose result had errors is drawn as a marked gap with
// the reason, never as a zero.
const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, text) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * bars: [{label, value, error?, current?}]; options: {title, format}.
 * Returns an <svg> with role="img" and a text alternative listing every bar.
 */
export function barChart(bars, { title, format = String, errorLabel = '—' }) {
  const rowHeight = 26;
  const labelWidth = 120;
  const width = 560;
  const plotWidth = width - labelWidth - 110;
  const height = bars.length * rowHeight + 8;
  const max = Math.max(1, ...bars.filter((b) => !b.error).map((b) => b.value));
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'bar-chart' });
  const summary = bars.map((b) => `${b.label}: ${b.error ? `${errorLabel} (${b.error})` : format(b.value)}`);
  svg.append(el('title', {}, `${title}. ${summary.join('; ')}`));
  bars.forEach((bar, i) => {
    const y = 4 + i * rowHeight;
    const g = el('g', { class: bar.error ? 'bar error' : bar.current ? 'bar current' : 'bar' });
    g.dataset.label = bar.label;
    g.append(el('text', { x: labelWidth - 6, y: y + 17, 'text-anchor': 'end', class: 'label' }, bar.label));
    if (bar.error) {
      g.dataset.error = 'true';
      g.append(el('rect', { x: labelWidth, y: y + 3, width: plotWidth, height: rowHeight - 8, class: 'missing' }));
      g.append(el('text', { x: labelWidth + 6, y: y + 17, class: 'value' }, `${errorLabel}：${bar.error}`.slice(0, 48)));
      g.append(el('title', {}, bar.error));
    } else {
      g.dataset.value = String(bar.value);
      const w = Math.max(1, (bar.value / max) * plotWidth);
      g.append(el('rect', { x: labelWidth, y: y + 3, width: w, height: rowHeight - 8 }));
      g.append(el('text', { x: labelWidth + w + 6, y: y + 17, class: 'value' }, format(bar.value)));
    }
    svg.append(g);
  });
  return svg;
}
