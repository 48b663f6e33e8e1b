// Puts each finding beside the field or cell its JSON Pointer names; a finding whose
// path (or nearest parent path) has no field goes into the page's general list.
import { clauseButton } from './clauses.js';
import { msg, t } from './i18n.js';
import { researchTrail, TRAILS } from './plain.js';

function cssEscape(s) {
  return s.replace(/["\\]/g, '\\$&');
}

function targetFor(root, path) {
  let p = path;
  while (p) {
    const el = root.querySelector(`[data-path="${cssEscape(p)}"]`);
    if (el) return el;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return null;
}

export function findingItem(finding, severity) {
  const li = document.createElement('li');
  li.className = `finding ${severity}`;
  li.dataset.code = finding.code;
  li.dataset.path = finding.path ?? '';
  const label = document.createElement('strong');
  label.textContent = severity === 'error' ? t('错误', 'Error') : t('提示', 'Warning');
  li.append(label, ' ', msg(finding));
  if (finding.rule) {
    li.append(' ', clauseButton(finding.rule));
  }
  // The rules' own reasons behind the plain line, folded; a research trail's place is
  // the page's "sources and confidence" section instead.
  if (finding.detail && !TRAILS.has(finding.code)) {
    const why = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = t('依据', 'Why');
    const text = document.createElement('p');
    text.textContent = researchTrail(finding, '');
    why.append(summary, text);
    li.append(' ', why);
  }
  return li;
}

export function clearFindings(root) {
  for (const list of root.querySelectorAll('ul.beside')) list.remove();
  for (const el of root.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of root.querySelectorAll('[data-has-finding]')) {
    el.removeAttribute('data-has-finding');
  }
}

let counter = 0;

/** Shows result.errors and result.warnings beside their fields inside root. */
export function showFindings(root, result, generalList) {
  clearFindings(root);
  if (generalList) generalList.replaceChildren();
  const all = [
    ...(result.errors ?? []).map((f) => [f, 'error']),
    ...(result.warnings ?? []).map((f) => [f, 'warning']),
  ];
  for (const [finding, severity] of all) {
    const target = targetFor(root, finding.path ?? '');
    const item = findingItem(finding, severity);
    if (!target) {
      generalList?.append(item);
      continue;
    }
    target.dataset.hasFinding = severity;
    let list = target.querySelector(':scope > ul.beside');
    if (!list) {
      list = document.createElement('ul');
      list.className = 'beside';
      list.id = `finding-${++counter}`;
      // A live list, not role=status: that role would take the list semantics away
      // from its items.
      list.setAttribute('aria-live', 'polite');
      target.append(list);
      const input = target.matches('input,select,textarea')
        ? target : target.querySelector(':scope > input, :scope > select, :scope > textarea, :scope > label > input');
      if (input) {
        input.setAttribute('aria-describedby', list.id);
        if (severity === 'error') input.setAttribute('aria-invalid', 'true');
      }
    }
    list.append(item);
  }
  return all.length;
}
