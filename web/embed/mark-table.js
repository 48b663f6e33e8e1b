// markTable(table, answer, {summary}): shows checkTable's answer on the portal's own
// HTML table. A finding of one cell is marked on that cell's input (aria-invalid and
// a message tied by aria-describedby); a relation between cells (8≥9+11) marks all
// its cells and goes to the summary list, whose entry jumps to them. Returns unmark(),
// which puts the table back as it was.
import { define } from './elements.js';
import { messageOf, severityWord, text } from './language.js';
import { useHostSheet } from './styles.js';

let counter = 0;
const focusable = (cell) => cell.querySelector('input, select, textarea') ?? cell;

export function markTable(table, answer, options = {}) {
  define();
  const releaseSheet = useHostSheet();
  const kept = new Map();
  const added = [];
  const keep = (el) => {
    if (!kept.has(el)) kept.set(el, { invalid: el.getAttribute('aria-invalid'), describedby: el.getAttribute('aria-describedby'), tabindex: el.getAttribute('tabindex') });
  };
  const general = [];
  for (const finding of answer.findings) {
    const cells = (finding.elements ?? []).filter((cell) => table.contains(cell)).map(focusable);
    if (finding.relation || !cells.length) {
      general.push({ ...finding, target: cells[0] ?? null });
      for (const cell of cells) {
        keep(cell);
        if (finding.severity === 'error') cell.setAttribute('aria-invalid', 'true');
      }
      continue;
    }
    const [cell] = cells;
    keep(cell);
    const note = document.createElement('ul');
    note.className = 'jianxi-message';
    note.id = `jianxi-cell-message-${++counter}`;
    note.dataset.severity = finding.severity;
    const item = document.createElement('li');
    item.className = `finding ${finding.severity}`;
    item.dataset.code = finding.code;
    item.textContent = `${severityWord(finding.severity)}${text('：', ': ')}${messageOf(finding)}`;
    note.append(item);
    cell.after(note);
    added.push(note);
    cell.setAttribute('aria-describedby', [cell.getAttribute('aria-describedby'), note.id].filter(Boolean).join(' '));
    if (finding.severity === 'error') cell.setAttribute('aria-invalid', 'true');
  }
  for (const [el] of kept) if (!el.matches('input, select, textarea, button, [tabindex]')) el.setAttribute('tabindex', '-1');
  let summary = typeof options.summary === 'string' ? document.querySelector(options.summary) : options.summary;
  if (summary && summary.localName !== 'jianxi-findings') {
    const list = document.createElement('jianxi-findings');
    summary.append(list);
    added.push(list);
    summary = list;
  }
  summary?.show(general);
  return function unmark() {
    for (const node of added) node.remove();
    for (const [el, was] of kept) {
      for (const [name, value] of [['aria-invalid', was.invalid], ['aria-describedby', was.describedby], ['tabindex', was.tabindex]]) {
        if (value === null) el.removeAttribute(name);
        else el.setAttribute(name, value);
      }
    }
    if (options.summary?.localName === 'jianxi-findings' || typeof options.summary === 'string') summary?.show([]);
    releaseSheet();
  };
}
