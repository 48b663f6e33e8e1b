// The law beside every figure: each clause id a page shows (a line's, a finding's, a
// reason's, an interpretation's, an unknown provision's) is a button that opens the
// quoted clause in place, with the notice's title and document number. The clauses
// come from the core's catalog for that notice ({policy} → clauses). On a wide screen
// the clause opens as a popover beside the button; on a phone, as a sheet from the
// bottom. It is a modal <dialog>: reachable by keyboard, Escape or the close button
// closes it, and focus goes back to the button that opened it.
import { catalog } from './engine.js';
import { lang, t } from './i18n.js';
import { noticeName } from './plain.js';

/** A clause as people cite it: the notice's document number and the article or section. */
export function clauseName(rule) {
  const [policyId, part = ''] = String(rule).split('#');
  const notice = noticeName(policyId).replace(/^the /, '');
  if (!part) return notice;
  if (part === '?') return t(`${notice}（条款未见原文）`, `${notice} (clause not found)`);
  const article = part.match(/^a(\d+)(?:\.(\d+))?(.*)$/);
  if (article) {
    const [, a, para, rest] = article;
    return t(`${notice} 第${a}条${para ? `第${para}款` : ''}${rest}`, `${notice} art. ${a}${para ? `(${para})` : ''}${rest}`);
  }
  // A provision known from a restatement ("x.<source>[.n]"): the source's id is not for
  // readers; the button opens the quoted words and their source.
  const restated = part.match(/^x\.[^.]+(?:\.(\d+))?$/);
  if (restated) return t(`${notice}（转述${restated[1] ? ` ${restated[1]}` : ''}）`, `${notice} (as restated${restated[1] ? ` ${restated[1]}` : ''})`);
  // Annexes (annex, annex1, annex1.table: the table attached to annex 1), the closing
  // paragraph (report), and a section's paragraph (4.1.p) are named as printed.
  const annex = part.match(/^annex(\d*)(\.table)?$/);
  if (annex) {
    const [, n, table] = annex;
    return t(`${notice} 附件${n}${table ? '附表' : ''}`, `${notice} annex${n ? ` ${n}` : ''}${table ? ', attached table' : ''}`);
  }
  if (part === 'report') return t(`${notice} 正文末段`, `${notice}, closing paragraph`);
  const paragraph = part.match(/^([\d.]+)\.p$/);
  if (paragraph) return t(`${notice} 第${paragraph[1]}项`, `${notice} § ${paragraph[1]}`);
  return t(`${notice} 第${part}项`, `${notice} § ${part}`);
}

/** A button naming a clause; a click anywhere on the page opens it (see below). */
export function clauseButton(rule) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'rule';
  button.dataset.rule = rule;
  button.setAttribute('aria-haspopup', 'dialog');
  button.textContent = clauseName(rule);
  return button;
}

/** The notice and the quoted clause for a clause id ("jiangxi-2023#3.1"). */
export async function clauseInfo(rule) {
  const policyId = String(rule).split('#')[0];
  let answer = {};
  try {
    answer = await catalog({ policy: policyId });
  } catch {
    answer = {};
  }
  return {
    rule,
    policy: (answer.policies ?? []).find((p) => p.id === policyId) ?? null,
    clause: (answer.clauses ?? []).find((c) => c.id === rule) ?? null,
  };
}

const make = (tag, attrs = {}, text) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
};

/** The notice's title and number, as a line: title (document, issued). */
function noticeLine({ policy, rule }) {
  const p = make('p', { class: 'clause-notice' });
  if (!policy) {
    p.textContent = t(`未收录的通知：${rule}`, `Notice not in the rules: ${rule}`);
    return p;
  }
  const title = make('span', { class: 'clause-title' }, t(policy.title, policy.title_en));
  p.append(title);
  if (lang() === 'en') {
    p.append(' ', make('span', { lang: 'zh-CN' }, `《${policy.title}》`));
  }
  p.append(' ');
  const doc = make('span', { class: 'clause-document', lang: 'zh-CN' },
    policy.document ?? t('无文号', 'no document number'));
  if (!policy.document) doc.setAttribute('lang', lang() === 'en' ? 'en' : 'zh-CN');
  p.append(doc);
  return p;
}

/** The quoted text: Chinese as printed; in English, the rendering first and the original below. */
function quoteOf({ clause }) {
  const box = make('div', { class: 'clause-text' });
  if (!clause) {
    box.append(make('p', { class: 'clause-missing' }, t(
      '这一条的原文未能找到：通知只部分可知，此项规定未见原文，测算不据此计算。',
      'The text of this provision was not found: the notice is known only in part, and nothing is computed from it.')));
    return box;
  }
  if (lang() === 'en' && clause.text_en) {
    box.append(make('blockquote', { lang: 'en', class: 'clause-en' }, clause.text_en));
    box.append(make('p', { class: 'clause-label' }, 'Original text (Chinese):'));
  }
  box.append(make('blockquote', { lang: 'zh-CN', class: 'clause-zh' }, clause.text));
  return box;
}

let dialog;
let opener = null;

function ensureDialog() {
  if (dialog) return dialog;
  dialog = make('dialog', { id: 'clause-dialog', class: 'clause-dialog', 'aria-labelledby': 'clause-heading' });
  const bar = make('div', { class: 'clause-bar' });
  const heading = make('h2', { id: 'clause-heading' });
  const close = make('button', { type: 'button', class: 'clause-close' });
  close.addEventListener('click', () => dialog.close());
  bar.append(heading, close);
  dialog.append(bar, make('div', { class: 'clause-body' }));
  // A click on the backdrop (outside the box) closes, as a popover does.
  dialog.addEventListener('click', (e) => {
    if (e.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
    if (!inside) dialog.close();
  });
  dialog.addEventListener('close', () => {
    const back = returnTarget(opener, dialog.dataset.rule);
    opener = null;
    document.documentElement.classList.remove('clause-open');
    back?.focus();
  });
  document.body.append(dialog);
  return dialog;
}

/**
 * Where focus goes back on close: the button that opened the clause or, when the
 * answer was drawn again meanwhile, the button now in its place (same section, same clause).
 */
function returnTarget(button, rule) {
  if (!button) return null;
  if (button.isConnected) return button;
  const section = button.closest('[id]')?.id;
  const within = (section && document.getElementById(section)) || document;
  return within.querySelector(`button.rule[data-rule="${CSS.escape(rule)}"]`)
    ?? document.querySelector(`button.rule[data-rule="${CSS.escape(rule)}"]`);
}

/** Places the popover under (or above) the button on a wide screen; a phone gets the sheet. */
function place(box, button) {
  box.style.removeProperty('top');
  box.style.removeProperty('left');
  if (!window.matchMedia('(min-width: 40rem)').matches || !button) return;
  const r = button.getBoundingClientRect();
  const w = box.offsetWidth;
  const h = box.offsetHeight;
  const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
  let top = r.bottom + 6;
  if (top + h > window.innerHeight - 8) top = Math.max(8, r.top - h - 6);
  box.style.setProperty('left', `${left}px`);
  box.style.setProperty('top', `${top}px`);
}

/** Opens the clause `rule`, from `button` (focus returns to it on close). */
export async function openClause(rule, button = document.activeElement) {
  const info = await clauseInfo(rule);
  const box = ensureDialog();
  box.dataset.rule = rule;
  const heading = box.querySelector('#clause-heading');
  heading.textContent = info.clause?.heading || t('条款', 'Clause');
  if (info.clause?.heading) heading.setAttribute('lang', 'zh-CN');
  else heading.removeAttribute('lang');
  const close = box.querySelector('.clause-close');
  close.textContent = t('关闭', 'Close');
  const id = make('p', { class: 'clause-id' }, `${t('条款', 'Clause')} ${rule}`);
  box.querySelector('.clause-body').replaceChildren(noticeLine(info), id, quoteOf(info));
  if (box.open) box.close();
  opener = button instanceof HTMLElement ? button : null;
  box.showModal();
  document.documentElement.classList.add('clause-open');
  place(box, opener);
  close.focus();
  return box;
}

document.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest('button.rule[data-rule]') : null;
  if (!button) return;
  e.preventDefault();
  openClause(button.dataset.rule, button);
});

/**
 * Footnotes for printing: every distinct clause cited, in order of first citation,
 * quoted in full with its notice. Resolves to the list element (class print-only).
 */
export async function clauseFootnotes(rules, list) {
  const distinct = [...new Set(rules.filter(Boolean))];
  const infos = await Promise.all(distinct.map(clauseInfo));
  list.replaceChildren(...infos.map((info, i) => {
    const li = make('li', { id: `fn-${i + 1}` });
    li.dataset.rule = info.rule;
    const head = make('p', { class: 'footnote-head' });
    head.append(make('strong', {}, info.rule));
    if (info.clause?.heading) head.append(' ', make('span', { lang: 'zh-CN' }, info.clause.heading));
    li.append(head, noticeLine(info), quoteOf(info));
    return li;
  }));
  return distinct;
}
