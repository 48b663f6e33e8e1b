// Chinese first, English on request: static text carries its English in data-en,
// dynamic text picks message or message_en. The choice is kept in localStorage.
import { plainMessage } from './plain.js';

const KEY = 'jianxi.lang';
let current = localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';

export const lang = () => current;

/** The text for the current language: t('中文', 'English'). */
export const t = (zh, en) => (current === 'en' && en ? en : zh);

/** Runs fn with the page's language set to `language` ('zh' or 'en'), for text kept in both. */
export function withLanguage(language, fn) {
  const was = current;
  current = language;
  try {
    return fn();
  } finally {
    current = was;
  }
}

/** A finding's or reason's message as the core wrote it, in the current language. */
export const rawMsg = (item) => (current === 'en' && item.message_en ? item.message_en : item.message);

/** A finding's or reason's message in the current language and in plain words. */
export const msg = (item) => plainMessage(item, rawMsg(item));

function applyStatic() {
  document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
  for (const el of document.querySelectorAll('[data-en]')) {
    if (el.dataset.zh === undefined) el.dataset.zh = el.textContent;
    el.textContent = current === 'en' ? el.dataset.en : el.dataset.zh;
  }
  for (const el of document.querySelectorAll('[data-en-label]')) {
    if (el.dataset.zhLabel === undefined) el.dataset.zhLabel = el.getAttribute('aria-label') || '';
    el.setAttribute('aria-label', current === 'en' ? el.dataset.enLabel : el.dataset.zhLabel);
  }
  const button = document.getElementById('lang-switch');
  if (button) {
    button.textContent = current === 'en' ? '中文' : 'English';
    button.setAttribute('lang', current === 'en' ? 'zh-CN' : 'en');
  }
}

/** Sets up the switch button; onChange re-renders what the page drew itself. */
export function initLanguage(onChange = () => {}) {
  applyStatic();
  document.getElementById('lang-switch')?.addEventListener('click', () => {
    current = current === 'en' ? 'zh' : 'en';
    localStorage.setItem(KEY, current);
    applyStatic();
    onChange();
  });
}

/** Applies data-en to elements a page has just created. */
export const translateNew = applyStatic;

/** Sets text that a page computes, in both languages, so the switch can change it too. */
export function setText(el, zh, en) {
  el.dataset.zh = zh;
  el.dataset.en = en;
  el.textContent = current === 'en' ? en : zh;
}
