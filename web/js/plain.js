// What people read uses their words: the core's messages name request fields
// (base_rate), notice ids (hunan-2023) and, for figures known only from secondary
// sources, the whole research trail. This turns a finding into one plain line in the
// page's language: field names become the field's label, notice ids the notice's
// document number, and a research caveat a short sentence whose full trail goes to
// the page's "sources and confidence" section (researchTrail).
import { t } from './i18n.js';

const FIELDS = {
  base_rate: ['基础补贴比例', 'the base rate'],
  min_wage: ['月最低工资', 'the monthly minimum wage'],
  wage_tier: ['最低工资档次', 'the minimum-wage tier'],
  insurance_premium: ['实际保费', 'the insurance premium paid'],
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
    id: p.id, document: p.document, province: p.province_zh,
    provinceEn: provinces.find((x) => x.id === p.province)?.name_en ?? p.province,
  })).sort((a, b) => b.id.length - a.id.length);
}

/**
 * A notice as people cite it: in Chinese its document number (else province and
 * year); in English, by province and year, since the document number is Chinese text.
 */
export function noticeName(id) {
  const p = notices.find((n) => n.id === id);
  if (!p) return id;
  const year = id.split('-')[1] ?? '';
  return t(p.document ?? `${p.province}${year}年通知`, `the ${p.provinceEn} ${year} notice`);
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

/** The short line a research caveat shows in the main text. */
function researchLine(finding) {
  const about = finding.message.match(/^(\S+?-\d{4})/)?.[1];
  const notice = about ? noticeName(about) : '';
  switch (finding.code) {
    case 'policy.start_unconfirmed':
      return t(`${notice}的施行日期未找到原文，按最早可能的日期估算，请向当地人社部门核实。`,
        `When ${notice} took effect was not found in an official text; the earliest possible date is assumed. Check with the local office.`);
    case 'policy.figure_caveat':
      return t(`${notice}的补贴标准未见原文，按地方人社部门的转述估算，请向当地人社部门核实。`,
        `The subsidy rate of ${notice} is known only as restated by a local bureau; check with the local office.`);
    case 'min_wage.area_caveat':
      return t('所在地属于哪一类最低工资地区未见当年官方名单，按其他资料认定，请向当地人社部门核实。',
        'Which minimum-wage tier the place is in was not found in that year\'s official list; check with the local office.');
    default: {
      const figure = finding.message.match(/(\d{3,5}) ?元/)?.[1];
      const year = finding.message.match(/(\d{4})-\d{2}-\d{2} ?起/)?.[1];
      const where = finding.message.match(/^([^\s第]{2,3})第\d+类/)?.[1] ?? '';
      return t(`${where}${year ? `${year}年起的` : ''}最低工资标准未找到官方原文，按其他资料整理的${figure ? ` ${Number(figure).toLocaleString('zh-CN')} 元` : '数据'}估算，请向当地人社部门核实。`,
        `The minimum wage${year ? ` from ${year}` : ''} was not found in an official text; the estimate uses${figure ? ` ${Number(figure).toLocaleString('en')} yuan from` : ''} secondary sources. Check with the local office.`);
    }
  }
}

/** Several notices in force: which one is used and which other one may be named; the why is left out. */
function severalInForce(finding) {
  const found = finding.message.match(/采用 ?([a-z]+-\d{4})；另有 ?([a-z]+-\d{4})/);
  if (!found) return null;
  const [, used, other] = found;
  return t(`这一天有两份通知可能同时有效，按${noticeName(used)}判断；如需按${noticeName(other)}判断，可在“通知”中指定。`,
    `Two notices may both be in force on that day; ${noticeName(used)} is used. To use ${noticeName(other)}, name it under “Notice”.`);
}

/** A finding, reason or note in the page's language and in plain words. */
export function plainMessage(item, raw) {
  if (PAGE_WORDS[item.code]) return t(...PAGE_WORDS[item.code]);
  if (item.code === 'date.invalid' && /“”|""/.test(`${item.message}${item.message_en}`)) return t('请填写日期。', 'Enter the date.');
  if (item.detail) return plainText(raw);  // the core's plain caveat line; its trail is in detail
  if (RESEARCH.has(item.code)) return researchLine(item);
  if (item.code === 'policy.several_in_force') return severalInForce(item) ?? plainText(raw);
  return plainText(raw);
}

/** The full research note of a caveat, for the collapsed "sources and confidence" section. */
export const researchTrail = (item, raw) => (item.detail ? t(item.detail, item.detail_en) : plainText(raw));
