// How much of a province's notice is known, as the core's catalog index says
// (policies[].known): the same label on the comparison, estimate and eligibility pages.
import { t } from './i18n.js';

export const KNOWN = {
  complete: ['完整', 'complete'],
  partial: ['部分', 'partial'],
  named: ['仅知通知名称', 'notice named only'],
  national: ['仅有国家文件', 'national floor only'],
  none: ['未找到通知', 'none found'],
};

// What each level means to someone reading an answer resting on it.
const MEANING = {
  complete: ['通知全文已收录', 'the notice is known in full'],
  partial: ['部分规定原文未找到，未找到的不计入', 'some provisions were not found and are left out'],
  named: ['未见本省补贴标准，见习条件按国家文件', 'no provincial rate was found; who may intern follows the national documents'],
  national: ['未找到本省通知，见习条件按国家文件，补贴标准未知', 'no notice of this province was found: who may intern follows the national documents, and the rate is not known'],
  none: ['未收录本省见习通知', 'no notice of this province is held'],
};

/** How much of a notice is known, as the catalog's index says; none without a notice. */
export function knownOf(policy) {
  return policy ? policy.known : 'none';
}

/** "本省资料：部分（…）" as a paragraph's content, with data-known for its colour. */
export function showKnown(box, level) {
  box.hidden = !level;
  if (!level) return;
  box.dataset.known = level;
  const badge = Object.assign(document.createElement('strong'), { className: 'badge known', textContent: t(...KNOWN[level]) });
  box.replaceChildren(t('本省资料：', 'What is known of this province: '), badge, t(`（${MEANING[level][0]}）`, ` (${MEANING[level][1]})`));
}
