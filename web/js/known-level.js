// How much of a province's notice is known, judged from the core's catalog alone
// (policies[].provisions: unknown, eligibility.national_basis, subsidy.position): the
// same label on the comparison, estimate and eligibility pages.
import { t } from './i18n.js';

export const KNOWN = {
  complete: ['完整', 'complete'],
  partial: ['部分', 'partial'],
  named: ['仅知通知名称', 'notice named only'],
  none: ['未找到通知', 'none found'],
};

// What each level means to someone reading an answer resting on it.
const MEANING = {
  complete: ['通知全文已收录', 'the notice is known in full'],
  partial: ['部分规定原文未找到，未找到的不计入', 'some provisions were not found and are left out'],
  named: ['未见本省补贴标准，见习条件按国家文件', 'no provincial rate was found; who may intern follows the national documents'],
  none: ['未收录本省见习通知', 'no notice of this province is held'],
};

/**
 * How much of a notice is known: none found (no notice), complete (no provision listed
 * as not found, eligibility from its own text), notice named only (who may intern rests
 * on the national documents and no rate or amount is stated), else partial.
 */
export function knownOf(policy) {
  if (!policy) return 'none';
  const v = policy.provisions ?? {};
  const e = v.eligibility ?? {};
  if (!(v.unknown ?? []).length && !e.national_basis) return 'complete';
  const pos = v.subsidy?.position ?? {};
  const figure = Object.values(pos.rates ?? {}).some((r) => r !== null) || Object.keys(pos.amounts ?? {}).length > 0;
  const ownEligibility = !e.national_basis && (e.graduate || e.internship_months || (e.categories ?? []).length);
  return figure || ownEligibility ? 'partial' : 'named';
}

/** "本省资料：部分（…）" as a paragraph's content, with data-known for its colour. */
export function showKnown(box, level) {
  box.hidden = !level;
  if (!level) return;
  box.dataset.known = level;
  const badge = Object.assign(document.createElement('strong'), { className: 'badge known', textContent: t(...KNOWN[level]) });
  box.replaceChildren(t('本省资料：', 'What is known of this province: '), badge, t(`（${MEANING[level][0]}）`, ` (${MEANING[level][1]})`));
}
