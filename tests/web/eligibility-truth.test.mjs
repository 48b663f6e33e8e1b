// The graduate's check on a phone tells the truth in plain words: a mistyped ID
// number is never "corrected" by naming a check character, a province with no notice
// in force is an outcome with next steps (not an error of the person's), the reason
// that decides comes first, and a "no" says what would change it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, PHONE, shot, withServerAndBrowser } from './harness.mjs';

const session = withServerAndBrowser(PHONE, { isMobile: true, hasTouch: true });

/** A valid mainland ID number (GB 11643 MOD 11-2) for a 17-digit body. */
function withCheck(body) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

async function fresh() {
  const page = await open(session.browser.context, session.server.origin, 'eligibility.html');
  await page.click('#clear');
  return page;
}

async function fill(page, { province, asOf, id, birth, education, graduated }) {
  await page.selectOption('#province', province);
  await page.locator('#as_of').fill(asOf);
  if (id) await page.locator('#id_number').fill(id);
  if (birth) await page.locator('#birth_date').fill(birth);
  await page.selectOption('#education', education);
  if (graduated) await page.locator('#graduated_on').fill(graduated);
  await page.waitForTimeout(400);
}

test('a mistyped ID number is called wrong, never corrected to another valid number', async () => {
  const page = await fresh();
  const good = withCheck('43010220010501002');
  const typo = `${good.slice(0, 9)}${(Number(good[9]) + 1) % 10}${good.slice(10)}`;
  await page.locator('#id_number').fill(typo);
  await page.waitForTimeout(200);
  const said = await page.locator('[data-path="/id_number"] .finding').allTextContents();
  assert.ok(said.length, 'the mistake is shown');
  assert.match(said.join(''), /号码有误，请逐位核对/);
  assert.doesNotMatch(said.join(''), /应为|校验位/);
  await page.locator('#id_number').fill(good);
  await page.waitForTimeout(200);
  assert.match(await page.locator('#id-state').textContent(), /号码有效/);
});

test('no notice in force: an outcome with next steps, not an error of the person', async () => {
  const page = await fresh();
  await fill(page, { province: 'hunan', asOf: '2026-12-04', birth: '2003-05-01', education: 'college', graduated: '2026-06-30' });
  const verdict = page.locator('#verdict-text');
  assert.equal(await verdict.getAttribute('data-outcome'), 'no-notice');
  assert.doesNotMatch(await verdict.textContent(), /改正|错误/);
  assert.equal(await page.locator('#eligibility-form .finding.error').count(), 0);
  assert.equal(await page.locator('#as_of').getAttribute('aria-invalid'), null);
  const steps = await page.locator('#next-steps li').allTextContents();
  assert.ok(steps.some((s) => /没有收录的有效通知/.test(s)), steps.join('|'));
  assert.ok(steps.some((s) => /人社部门/.test(s)));
  assert.doesNotMatch(steps.join(''), /hunan-20/);
  assert.equal(await page.locator('#interpretations-box').isVisible(), false, 'no "Interpretations" over nothing');
  // Where to apply speaks of no notice, since none applies.
  const channel = await page.locator('#channel').textContent();
  assert.doesNotMatch(channel, /该通知/);
  assert.match(channel, /没有可依据的通知/);
  await shot(page, 'eligibility-no-notice-phone');
});

test('the deciding reason comes first and a "no" says what would change it', async () => {
  const page = await fresh();
  await fill(page, { province: 'jiangxi', asOf: '2026-12-04', birth: '2003-05-01', education: 'college', graduated: '2023-06-30' });
  assert.equal(await page.locator('#verdict-text').getAttribute('data-outcome'), 'not-eligible');
  assert.equal(await page.locator('#reasons li').first().getAttribute('data-effect'), 'excludes');
  assert.match((await page.locator('#next-steps li').allTextContents()).join(''), /失业登记/);
  await page.check('input[name="registered_unemployed"]');
  await page.waitForTimeout(400);
  assert.equal(await page.locator('#verdict-text').getAttribute('data-outcome'), 'eligible');
  const tags = await page.locator('#reasons li strong').allTextContents();
  assert.equal(tags[0], '符合', 'the reason that admits is first');
  assert.ok(!tags.includes('不符合'), `no "does not qualify" beside a yes (${tags})`);
  await shot(page, 'eligibility-deciding-phone');
});

test('where registration opens a graduate route, the next step does not call the person a young unemployed', async () => {
  const page = await fresh();
  // 辽宁细则（一）: 非毕业年度内的毕业生须进行失业登记. A graduate of 2019-07-01 asked on
  // 2020-03-01 qualifies as a graduate once registered, not by the 16-24 route (which is
  // for secondary-school leavers).
  await fill(page, { province: 'liaoning', asOf: '2020-03-01', birth: '1997-05-01', education: 'college', graduated: '2019-07-01' });
  assert.equal(await page.locator('#verdict-text').getAttribute('data-outcome'), 'not-eligible');
  const steps = (await page.locator('#next-steps li').allTextContents()).join('');
  assert.match(steps, /如果办理失业登记，按同一通知可以参加就业见习/);
  assert.doesNotMatch(steps, /作为登记失业青年/);
});
