// Several caveats as one plain line, each folded below it under 为什么/Why; a printed
// answer carries them in full, so the folded reasons are opened before printing.
import { msg, t } from './i18n.js';

/** The line's list item: `line` in plain words, then each finding folded, dressed by `dress` (e.g. its clause). */
export function caveatLine(line, findings, dress = (p) => p) {
  const li = document.createElement('li');
  li.className = 'finding warning caveats';
  const more = document.createElement('details');
  more.append(Object.assign(document.createElement('summary'), { textContent: t('为什么', 'Why') }));
  for (const f of findings) {
    const p = Object.assign(document.createElement('p'), { textContent: msg(f) });
    p.dataset.code = f.code;
    more.append(dress(p, f));
  }
  li.append(line, ' ', more);
  return li;
}

window.addEventListener('beforeprint', () => {
  for (const more of document.querySelectorAll('.finding.caveats details')) more.open = true;
});
