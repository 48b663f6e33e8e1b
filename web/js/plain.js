// What people read uses their words. The core gives each caveat as one plain line with
// its research trail apart (`detail`, shown in the page's "sources and confidence"
// section through researchTrail); its messages name fields by their labels. A clause
// citation in a notice's prose (hunan-2023#3.1) becomes the notice's document number
// here. Two messages get the page's own words.
import { t } from './i18n.js';

/** Codes whose message carries research notes (sources, confidence, reasoning). */
export const RESEARCH = new Set(['min_wage.caveat', 'min_wage.area_caveat', 'policy.figure_caveat', 'policy.start_unconfirmed']);
/** Codes whose detail is a research trail (sources and dates), shown in "sources and confidence". */
export const TRAILS = new Set([...RESEARCH, 'policy.past_latest_evidence']);

let notices = [];

/** Learns the notices' names from the core's catalog. */
export function learnNotices(policies, provinces = []) {
  notices = (policies ?? []).map((p) => ({
    id: p.id, document: p.document, province: p.province_zh, provinceId: p.province, title: p.title ?? '',
    provinceEn: provinces.find((x) => x.id === p.province)?.name_en ?? p.province,
  })).sort((a, b) => b.id.length - a.id.length);
}

/**
 * A notice as people cite it: in Chinese its document number (else province and
 * year); in English, by province (or city) and year, since the document number is
 * Chinese text; the national documents that stand in for a province as such.
 */
export function noticeName(id) {
  const p = notices.find((n) => n.id === id);
  if (!p) return id;
  // Ids read <place>-<year>, <province>-national-<year> or <city>-<year> (shenzhen-2023).
  const parts = id.split('-');
  const year = parts.at(-1);
  const city = parts[0] !== p.provinceId ? parts[0][0].toUpperCase() + parts[0].slice(1) : '';
  const en = parts.includes('national') ? `the national ${year} notice` : `the ${city || p.provinceEn} ${year} notice`;
  // A city's notice without a number is the city's, named as its title begins (汕头市).
  const cityZh = city ? p.title.match(/^[^市]{2,5}市/)?.[0] : undefined;
  return t(p.document ?? `${cityZh ?? p.province}${year}年通知`, en);
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** A message with notice ids (clause citations) replaced by the names people use. */
export function plainText(text) {
  let out = String(text ?? '');
  for (const n of notices) {
    out = out.replace(new RegExp(`${escape(n.id)}(#[\\w.?]+)?`, 'g'), () => noticeName(n.id));
  }
  return out;
}

const PAGE_WORDS = {
  'id_number.checksum': ['身份证号码有误，请逐位核对。', 'The ID number is wrong somewhere; check it digit by digit.'],
};

/** A finding, reason or note in the page's language and in plain words. */
export function plainMessage(item, raw) {
  if (PAGE_WORDS[item.code]) return t(...PAGE_WORDS[item.code]);
  if (item.code === 'date.invalid' && /“”|""/.test(`${item.message}${item.message_en}`)) return t('请填写日期。', 'Enter the date.');
  // A caveat's message is the core's plain line (its research trail is in `detail`);
  // what is left to do here is only the clause citations some notes carry.
  return plainText(raw);
}

/** The full research note of a caveat, for the collapsed "sources and confidence" section. */
export const researchTrail = (item, raw) => plainText(item.detail ? t(item.detail, item.detail_en) : raw);
