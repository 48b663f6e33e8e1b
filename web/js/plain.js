// What people read uses their words. The core gives each caveat as one plain line with
// its research trail apart (`detail`, shown in the page's "sources and confidence"
// section through researchTrail); some of its other messages still name request
// fields (base_rate) or notice ids (hunan-2023), which become the field's label and
// the notice's document number here. Two messages get the page's own words.
import { t } from './i18n.js';

const FIELDS = {
  base_rate: ['基础补贴比例', 'the base rate'],
  min_wage: ['月最低工资', 'the monthly minimum wage'],
  wage_tier: ['最低工资档次', 'the minimum-wage tier'],
  insurance_premium: ['实际保费', 'the insurance premium paid'],
  monthly_pay: ['单位每月实际支付的工作补贴', 'the work allowance the unit pays a month'],
  flexible_insurance_monthly: ['灵活就业社保月缴费', 'the flexible-worker insurance per month'],
  retention_rate: ['留用率', 'the retention rate'],
  model_unit: ['标杆单位', 'model unit'],
  region_flags: ['地区类型', 'the region'],
  wage_basis: ['最低工资调整时的计算方式', 'the wage basis'],
  graduated_on: ['离校（毕业）日期', 'the day you left school'],
  birth_date: ['出生日期', 'the date of birth'],
  id_number: ['身份证号码', 'the ID number'],
  as_of: ['日期', 'the date'],
  place: ['所在地', 'the place'],
  policy: ['通知', 'the notice'],
  province: ['省份', 'the province'],
};

/** Codes whose message carries research notes (sources, confidence, reasoning). */
export const RESEARCH = new Set(['min_wage.caveat', 'min_wage.area_caveat', 'policy.figure_caveat', 'policy.start_unconfirmed']);

let notices = [];

/** Learns the notices' names from the core's catalog. */
export function learnNotices(policies, provinces = []) {
  notices = (policies ?? []).map((p) => ({
    id: p.id, document: p.document, province: p.province_zh, provinceId: p.province,
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
  return t(p.document ?? `${p.province}${year}年通知`, en);
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** A message with field names and notice ids replaced by the words people use. */
export function plainText(text) {
  let out = String(text ?? '');
  for (const n of notices) {
    out = out.replace(new RegExp(`${escape(n.id)}(#[\\w.?]+)?`, 'g'), () => noticeName(n.id));
  }
  out = out.replace(/请?在请求中/g, t('请', 'please'));
  for (const [field, [zh, en]] of Object.entries(FIELDS)) {
    out = out.replace(new RegExp(`\\s?(?<![\\w/])${field}(?![\\w/])\\s?`, 'g'), t(`“${zh}”`, ` ${en} `));
  }
  return out.replace(/ {2,}/g, ' ');
}

const PAGE_WORDS = {
  'id_number.checksum': ['身份证号码有误，请逐位核对。', 'The ID number is wrong somewhere; check it digit by digit.'],
};

/** A finding, reason or note in the page's language and in plain words. */
export function plainMessage(item, raw) {
  if (PAGE_WORDS[item.code]) return t(...PAGE_WORDS[item.code]);
  if (item.code === 'date.invalid' && /“”|""/.test(`${item.message}${item.message_en}`)) return t('请填写日期。', 'Enter the date.');
  // A caveat's message is the core's plain line (its research trail is in `detail`);
  // what is left to do here is only the field names and notice ids some messages carry.
  return plainText(raw);
}

/** The full research note of a caveat, for the collapsed "sources and confidence" section. */
export const researchTrail = (item, raw) => (item.detail ? t(item.detail, item.detail_en) : plainText(raw));
