// When the rule core cannot be loaded the page says so in plain words, keeps its form
// visibly out of use (it would answer nothing) and offers to try again.
import { setText } from './i18n.js';

export function loadFailed(status, form) {
  if (form) {
    form.inert = true;
    form.classList.add('loading');
  }
  status.dataset.state = 'failed';
  setText(status, '计算程序未能加载，暂时无法使用本页。请检查网络后重试；首次使用需要联网一次。',
    'The calculator could not be loaded, so this page cannot be used yet. Check the connection and try again; the first visit needs to be online.');
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.id = 'retry-load';
  setText(retry, '重试', 'Try again');
  retry.addEventListener('click', () => location.reload());
  status.append(' ', retry);
}
