// The what-if charts say what they show: a notice not in force on the interns' dates is
// marked, not drawn as a bar; where retention changes nothing, a sentence says so. An
// intern can be copied instead of typed again, and the portal's province list follows
// the language switch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, DESKTOP, loadExample, open, withServerAndBrowser } from './harness.mjs';

const session = withServerAndBrowser(DESKTOP);

test('a notice out of force on the interns\' dates is marked in the chart across notices', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await loadExample(page);
  await page.waitForTimeout(800);
  const jilin2022 = page.locator('#chart-provinces li.bar').filter({ hasText: /2022/ }).filter({ hasText: /吉林/ });
  assert.equal(await jilin2022.getAttribute('data-error'), 'true');
  assert.match(await jilin2022.textContent(), /不在有效期内/);
  assert.equal(await jilin2022.getAttribute('data-value'), null);
});

test('where retention changes nothing, the retention chart says so', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await page.click('#clear');
  await page.selectOption('#place-province', 'jilin');
  await page.locator('#place-city').pressSequentially('长春市');
  await page.locator('#trainees [name="start"]').first().fill('2026-03-01');
  await page.locator('#trainees [name="end"]').first().fill('2026-08-31');
  await page.waitForTimeout(900);
  assert.equal(await page.locator('#chart-retention-note').getAttribute('data-flat'), 'true');
  assert.match(await page.locator('#chart-retention-note').textContent(), /留用率不影响补贴金额/);
});

test('"copy this intern" adds the same intern below, so identical interns are not typed again', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await loadExample(page);
  await page.locator('#trainees > li').first().locator('button.copy').click();
  await page.waitForTimeout(400);
  const request = JSON.parse(await page.locator('#request-json').textContent());
  assert.equal(request.trainees.length, 3);
  assert.deepEqual(request.trainees[1], request.trainees[0]);
  assert.equal(await page.locator('#trainees > li').nth(1).locator('.number').textContent(), '2');
});

test('the portal\'s province list is in English after the switch', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.click('#lang-switch');
  const names = await page.locator('#sum-province option').allTextContents();
  assert.ok(names.includes('Jiangxi'), names.join('|'));
  assert.ok(names.every((n) => !/[\u4e00-\u9fff]/.test(n)), names.join('|'));
  await page.click('#lang-switch');
});

test('at 100% retention the headline and the "留用率 100%" bar are the same figure', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await loadExample(page);
  // Both interns kept on: the core works out retention 2 of 2 = 100% from the interns.
  await page.locator('#trainees > li').nth(1).locator('[name="retained"]').check();
  await page.waitForTimeout(900);
  const request = JSON.parse(await page.locator('#request-json').textContent());
  const expected = cli(request);
  assert.equal(expected.retention.rate, 1);
  assert.equal(Number(await page.locator('#total').getAttribute('data-value')), expected.total);
  const full = page.locator('#chart-retention li.bar').filter({ hasText: /留用率 100%/ });
  assert.equal(Number(await full.getAttribute('data-value')), expected.total);
});
