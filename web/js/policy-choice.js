// Fills the notice and province choosers from the core's own list of notices and
// reads them back as the request fields `policy` or `province` + `as_of`; fills
// option lists and checkbox groups from the catalog's named lists ({id, name, name_en}).
import { nameOf, provinceName } from './format.js';
import { t } from './i18n.js';

/** One <option> per catalog entry; keeps the chosen value across a redraw (language switch). */
export function fillOptions(select, entries) {
  const chosen = select.value;
  select.replaceChildren(...(entries ?? []).map((e) => new Option(nameOf(e), e.id)));
  if (chosen && entries?.some((e) => e.id === chosen)) select.value = chosen;
}

/** One checkbox per catalog entry inside box, all named `name`; keeps what was ticked. */
export function fillCheckboxes(box, name, entries) {
  const ticked = new Set([...box.querySelectorAll('input:checked')].map((c) => c.value));
  box.replaceChildren(...(entries ?? []).map((e) => {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = name;
    input.value = e.id;
    input.checked = ticked.has(e.id);
    const text = document.createElement('span');
    text.textContent = nameOf(e);
    label.append(input, ' ', text);
    return label;
  }));
}

/** A notice as people know it: province, document number (else title) and period in force. */
export function noticeLabel(p, provinces = []) {
  const period = `${p.effective_from} – ${p.effective_to ?? ''}`.trim().replace(/–$/, t('起', 'onwards'));
  return t(`${p.province_zh}：${p.document ?? `《${p.title}》`}（${period}）`,
    `${provinceName(provinces, p.province)}: the ${p.id.split('-')[1] ?? ''} notice (${period})`);
}

/**
 * The notice chooser (one option per notice) and the province chooser, in the chosen
 * language; called again after a language switch, keeping what was chosen.
 */
export function fillPolicyChoosers(list, policySelect, provinceSelect, provinces = []) {
  const chosenPolicy = policySelect.value;
  const chosenProvince = provinceSelect?.value;
  policySelect.replaceChildren(...list.map((p) => {
    const o = new Option(noticeLabel(p, provinces), p.id);
    o.dataset.province = p.province;
    return o;
  }));
  if (chosenPolicy) policySelect.value = chosenPolicy;
  if (!provinceSelect) return;
  const ids = [...new Set(list.map((p) => p.province))];
  provinceSelect.replaceChildren(...ids.map((id) => new Option(provinceName(provinces, id), id)));
  if (chosenPolicy) policySelect.value = chosenPolicy;
  if (chosenProvince) provinceSelect.value = chosenProvince;
}

export function provinceOf(list, request) {
  if (request.province) return request.province;
  return list.find((p) => p.id === request.policy)?.province;
}

export const byDateLabel = () => t('按省份和日期', 'by province and date');
