// The eligibility page as a graduate meets it on a phone: it starts empty and says what
// it needs, never a verdict on a bundled example unless asked for (and then labelled);
// the notice is the one in force in the province on the planned start date, and a
// named notice not in force then is said to be so; "today" is the local date; an ID
// pasted with spaces is read whole; a day that does not exist is named as such; and
// the verdict stays in view while the ID is typed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { cli, DESKTOP, loadExample, open, PHONE, screenshots, shot, startBrowser, withServerAndBrowser } from './harness.mjs';

const session = withServerAndBrowser(PHONE, { isMobile: true, hasTouch: true, timezoneId: 'Asia/Shanghai' });

const verdict = async (page) => {
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const v = document.getElementById('verdict-text');
    return { text: v.textContent, eligible: v.dataset.eligible, waiting: v.dataset.waiting, outOfForce: v.dataset.outOfForce,
      needs: [...document.querySelectorAll('#verdict-needs a')].map((a) => a.getAttribute('href')),
      reasons: document.querySelectorAll('#reasons li').length, example: document.body.dataset.example };
  });
};

test('a first visit starts empty, asks for what it needs, and gives no verdict; so does "start over"', async () => {
  const page = await open(session.browser.context, session.server.origin, 'eligibility.html');
  let v = await verdict(page);
  assert.equal(v.waiting, 'true');
  assert.equal(v.eligible, '');
  assert.equal(v.reasons, 0);
  assert.deepEqual(v.needs, ['#province', '#id_number', '#education', '#graduated_on']);
  assert.equal(await page.locator('#id_number').inputValue(), '');
  assert.equal(await page.locator('#eligibility-form li.finding').count(), 0, 'no error before anything is typed');
  await shot(page, 'eligibility-empty-phone');
  // The example is labelled as one, and "start over" empties the form without a verdict.
  await loadExample(page);
  v = await verdict(page);
  assert.equal(v.example, 'true');
  assert.equal(await page.locator('#example-note').isVisible(), true);
  await page.click('#clear');
  v = await verdict(page);
  assert.equal(v.waiting, 'true');
  assert.equal(v.eligible, '');
  assert.equal(await page.locator('#example-note').isVisible(), false);
  // Once the person has said enough, the verdict is on their own inputs.
  await page.selectOption('#province', 'hunan');
  await page.fill('#as_of', '2024-03-01');
  await page.locator('#id_number').pressSequentially('430102200105011238');
  await page.selectOption('#education', 'college');
  await page.fill('#graduated_on', '2023-06-30');
  v = await verdict(page);
  assert.equal(v.waiting, 'false');
  assert.equal(v.eligible, String(cli({ kind: 'eligibility', province: 'hunan', as_of: '2024-03-01', id_number: '430102200105011238',
    education: 'college', graduated_on: '2023-06-30', employed: false, registered_unemployed: false,
    returned_from_abroad: false, previous_internship: false }).eligible));
});

test('the notice in force on the start date is used; a named notice out of force is said to be', async () => {
  const page = await open(session.browser.context, session.server.origin, 'eligibility.html');
  await page.click('#clear');
  await page.selectOption('#province', 'jilin');
  await page.fill('#as_of', '2025-03-01');
  await page.fill('#birth_date', '2001-05-01');
  await page.selectOption('#education', 'college');
  await page.fill('#graduated_on', '2024-06-30');
  await page.locator('[name="registered_unemployed"]').check();
  let v = await verdict(page);
  const request = JSON.parse(await page.evaluate(() => localStorage.getItem('jianxi.inputs.eligibility')));
  assert.equal(request.province, 'jilin');
  assert.equal(request.policy, undefined);
  const expected = cli(request);
  assert.equal(expected.policy, 'jilin-2023');
  assert.match(await page.locator('#verdict-notice').textContent(), /吉人社联字〔2023〕12号/);
  assert.equal(await page.locator('#unknown li').count(), expected.unknown.length);
  // Naming the 2022 notice: the core warns that it is not in force, and the verdict says so.
  await page.selectOption('#policy', 'jilin-2022');
  v = await verdict(page);
  assert.equal(v.outOfForce, 'true');
  assert.match(v.text, /不在有效期内/);
  assert.equal(await page.locator('#notice-findings li[data-code="policy.outside_effective_period"]').count(), 1);
  await shot(page, 'eligibility-out-of-force-phone');
});

test('"today" is the local date (before 08:00 in Beijing too)', async () => {
  const browser = await startBrowser(PHONE, { isMobile: true, hasTouch: true, timezoneId: 'Asia/Shanghai' });
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    await page.clock.setFixedTime(new Date('2025-03-01T22:30:00Z')); // 06:30 on 2 March in Beijing
    await page.goto(`${session.server.origin}/eligibility.html`);
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.locator('#as_of').inputValue(), '2025-03-02');
  } finally {
    await browser.close();
  }
});

test('an ID pasted with spaces is read whole; a day that does not exist is named', async () => {
  const page = await open(session.browser.context, session.server.origin, 'eligibility.html');
  await page.click('#clear');
  await page.selectOption('#province', 'hunan');
  await page.selectOption('#education', 'college');
  await page.locator('#id_number').focus();
  await page.keyboard.insertText('4301 0220 0105 0112 38');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#id-state').getAttribute('data-state'), 'good');
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('jianxi.inputs.eligibility'))).id_number, '430102200105011238');
  // 30 February: the browser cannot hold it; the page says so beside the field instead of quoting "".
  // Typed in the field's own order (month/day/year or year/month/day, by the browser's locale).
  for (const keys of ['02302023', '20230230']) {
    await page.locator('#graduated_on').click();
    await page.keyboard.type(keys);
    await page.waitForTimeout(400);
    if (await page.locator('#graduated_on').evaluate((i) => i.validity.badInput)) break;
    await page.fill('#graduated_on', '');
  }
  assert.equal(await page.locator('#graduated_on').evaluate((i) => i.validity.badInput), true);
  const beside = await page.locator('[data-path="/graduated_on"] > ul.beside li').allTextContents();
  assert.equal(beside.length, 1, beside.join(' | '));
  assert.match(beside[0], /不存在/);
  assert.doesNotMatch(beside[0], /“”|""/);
  assert.equal((await verdict(page)).eligible, '');
  await shot(page, 'eligibility-bad-day-phone');
});

test('on a phone the verdict stays in view while the ID number is typed', async () => {
  const page = await open(session.browser.context, session.server.origin, 'eligibility.html');
  await loadExample(page);
  // As when the on-screen keyboard opens: the field goes to the top, the verdict out of view.
  await page.evaluate(() => document.getElementById('id_number').scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(200);
  assert.equal(await page.locator('#verdict-text').evaluate((v) => v.getBoundingClientRect().bottom < 0), true);
  await page.fill('#id_number', '');
  await page.locator('#id_number').pressSequentially('11010519491231002X');
  await page.waitForTimeout(400);
  const box = await page.locator('#verdict-bar').boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= PHONE.height + 1, `in view: ${JSON.stringify(box)}`);
  assert.equal(await page.locator('#verdict-bar-text').textContent(), await page.locator('#verdict-text').textContent());
  assert.equal(await page.locator('#verdict-bar-text').getAttribute('data-eligible'),
    await page.locator('#verdict-text').getAttribute('data-eligible'));
  assert.match(await page.locator('#verdict-bar-text').getAttribute('data-eligible'), /^(true|false)$/);
  const id = await page.locator('#id_number').boundingBox();
  assert.ok(id.y + id.height <= box.y, 'the ID field is not under the bar');
  await page.screenshot({ path: join(screenshots, 'eligibility-verdict-bar-phone.png') });
});

test('desktop and English: nothing to report', async () => {
  const desktop = await startBrowser(DESKTOP);
  try {
    const page = await open(desktop.context, session.server.origin, 'eligibility.html');
    await page.click('#lang-switch');
    const v = await verdict(page);
    assert.match(v.text, /Fill in/);
    await loadExample(page);
    await shot(page, 'eligibility-example-desktop-en');
    assert.deepEqual(desktop.problems, []);
  } finally {
    await desktop.close();
  }
  assert.deepEqual(session.browser.problems, []);
});
