// The portal in English (issue 23 item 16): after switching language, the notice,
// province and template choosers speak English, like the rest of the page; Chinese
// stays only where no English name exists (a 文号 is not an option's text here).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESKTOP, open, PHONE, shot, withServerAndBrowser } from './harness.mjs';

const HAN = /\p{Script=Han}/u;
const desktop = withServerAndBrowser(DESKTOP, { serviceWorkers: 'block' });
const phone = withServerAndBrowser(PHONE, { isMobile: true, hasTouch: true, serviceWorkers: 'block' });

async function selectsAfterSwitch(session, name) {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.click('#lang-switch');
  const options = await page.locator('#app-policy option, #sum-province option, #template option')
    .evaluateAll((els) => els.map((o) => `${o.parentElement.id}: ${o.textContent}`));
  assert.ok(options.some((o) => o.startsWith('app-policy')) && options.some((o) => o.startsWith('sum-province')));
  const chinese = options.filter((o) => HAN.test(o));
  assert.deepEqual(chinese, [], `options still in Chinese:\n${chinese.join('\n')}`);
  await shot(page, name);
  return page;
}

test('desktop: the portal\'s choosers speak English after the switch', () => selectsAfterSwitch(desktop, 'portal-english-desktop'));
test('phone: the portal\'s choosers speak English after the switch', () => selectsAfterSwitch(phone, 'portal-english-phone'));
