// The host page's language, read from <html lang> each time text is written, and the
// layer's own few words in Chinese and English. Findings are put in people's words by
// the site's own plain-words module (field labels for field names, 文号 for notice ids).
import { withLanguage } from '../js/i18n.js';
import { learnNotices, plainMessage } from '../js/plain.js';

export const pageLanguage = () => (/^en\b/i.test(document.documentElement.lang || '') ? 'en' : 'zh');

/** text('中文', 'English') in the page's language. */
export const text = (zh, en) => (pageLanguage() === 'en' ? en : zh);

/** A finding's or reason's message in the page's language. */
export function messageOf(item) {
  const language = pageLanguage();
  const raw = language === 'en' && item.message_en ? item.message_en : item.message;
  return withLanguage(language, () => plainMessage(item, raw));
}

/** Learns the notices' titles from the core's catalog, for the messages above. */
export const learnCatalog = (catalog) => learnNotices(catalog.policies, catalog.provinces);

export const severityWord = (severity) => (severity === 'error' ? text('错误', 'Error') : text('提示', 'Warning'));

/** Calls fn whenever the page's language changes; returns the function that stops it. */
export function onLanguageChange(fn) {
  const observer = new MutationObserver(fn);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
}
