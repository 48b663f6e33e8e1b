// Fills the notice and province choosers from the core's own list of notices and
// reads them back as the request fields `policy` or `province` + `as_of`.
import { t } from './i18n.js';

export function fillPolicyChoosers(list, policySelect, provinceSelect) {
  policySelect.replaceChildren(...list.map((p) => {
    const o = new Option(`${p.province_zh} ${p.id}${p.document ? `（${p.document}）` : ''}`, p.id);
    o.dataset.province = p.province;
    return o;
  }));
  const provinces = [...new Map(list.map((p) => [p.province, p.province_zh])).entries()];
  provinceSelect.replaceChildren(...provinces.map(([id, zh]) => new Option(`${zh} ${id}`, id)));
}

export function provinceOf(list, request) {
  if (request.province) return request.province;
  return list.find((p) => p.id === request.policy)?.province;
}

export const byDateLabel = () => t('按省份和日期', 'by province and date');
