// The example portal's own language switch: it swaps the texts the page wrote in both
// languages (data-en, data-en-label) and sets <html lang>, which the Jianxi layer
// follows by itself.
const swapped = new WeakMap();

export function setLanguage(language) {
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
  for (const el of document.querySelectorAll('[data-en]')) {
    if (!swapped.has(el)) swapped.set(el, el.textContent);
    el.textContent = language === 'en' ? el.dataset.en : swapped.get(el);
  }
  for (const el of document.querySelectorAll('[data-en-label]')) {
    if (el.dataset.zhLabel === undefined) el.dataset.zhLabel = el.getAttribute('aria-label') ?? '';
    el.setAttribute('aria-label', language === 'en' ? el.dataset.enLabel : el.dataset.zhLabel);
  }
  const button = document.getElementById('yyqh');
  if (button) {
    button.textContent = language === 'en' ? '中文' : 'English';
    button.lang = language === 'en' ? 'zh-CN' : 'en';
  }
}

export function languageSwitch() {
  const start = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
  setLanguage(start);
  document.getElementById('yyqh')?.addEventListener('click', () =>
    setLanguage(document.documentElement.lang === 'en' ? 'zh' : 'en'));
}
