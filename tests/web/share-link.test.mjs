// A link to come back to: the estimate's inputs travel in the URL fragment (never
// sent to a server), and opening the link in a fresh browser profile restores the
// estimate; ID and phone numbers stay out of a link unless the person ticks to
// include them. Each page also says where to apply next and what data it used.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cli, DESKTOP, loadExample, open, PHONE, repo, shot, startBrowser, withServerAndBrowser } from './harness.mjs';

const eligibility = JSON.parse(readFileSync(`${repo}/web/examples/eligibility.json`, 'utf8'));
const session = withServerAndBrowser(DESKTOP);

const decode = (link) => JSON.parse(Buffer.from(new URL(link).hash.replace(/^#s=/, ''), 'base64url').toString('utf8'));

test('a shared link restores the estimate on a fresh profile', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await loadExample(page);
  // The person's own case: the example with a changed end date and insurance premium.
  const end = page.locator('#trainees [name="end"]').first();
  await end.fill('2024-01-31');
  const premium = page.locator('#trainees [name="insurance_premium"]').first();
  await premium.fill('88');
  await page.waitForTimeout(800);
  const request = JSON.parse(await page.locator('#request-json').textContent());
  assert.equal(request.trainees[0].end, '2024-01-31');
  const link = await page.locator('#share-link').inputValue();
  assert.ok(link.startsWith(`${session.server.origin}/estimate.html#s=`), link);
  assert.deepEqual(decode(link), request);
  const total = await page.locator('#total').textContent();
  assert.equal(total.replace(/,/g, ''), cli(request).total.toFixed(2));
  const served = [];
  const fresh = await startBrowser(DESKTOP);
  try {
    fresh.context.on('request', (r) => served.push(r.url()));
    const other = await fresh.context.newPage();
    await other.goto(link);
    await other.waitForSelector('body[data-ready="true"]');
    await other.waitForTimeout(500);
    assert.deepEqual(JSON.parse(await other.locator('#request-json').textContent()), request);
    assert.equal(await other.locator('#total').textContent(), total);
    // The fragment never reaches the server.
    assert.ok(served.every((u) => !u.includes('#') && !u.includes(encodeURIComponent('2024-01-31'))), served.join('\n'));
    // Where to go next, and the data as of, for the notice used.
    const result = cli(request);
    const policy = cli({ kind: 'catalog', policy: result.policy, sections: ['provisions'] }).policies[0];
    if (policy.channel) assert.equal(await other.locator('#channel button.rule').getAttribute('data-rule'), policy.channel.rule);
    const asOf = await other.locator('#data-as-of').textContent();
    for (const s of result.min_wage_sources ?? []) assert.ok(asOf.includes(s.effective), asOf);
    await shot(other, 'estimate-restored-desktop');
    assert.deepEqual(fresh.problems, []);
  } finally {
    await fresh.close();
  }
});

test('no ID number leaks into a link unless the person ticks to include it', async () => {
  const page = await open(session.browser.context, session.server.origin, 'eligibility.html');
  await page.click('#load-example');
  await page.fill('#id_number', eligibility.id_number);
  await page.waitForTimeout(700);
  let link = await page.locator('#share-link').inputValue();
  assert.ok(!link.includes(eligibility.id_number));
  const state = decode(link);
  assert.equal(state.id_number, undefined);
  assert.ok(!JSON.stringify(state).includes(eligibility.id_number));
  assert.equal(state.birth_date, '2001-05-01', 'the birth date the ID holds stands in for it');
  assert.equal(await page.locator('#share-identifiers').isChecked(), false);
  assert.match(await page.locator('#share-note').textContent(), /不含身份证号/);
  // The verdict from the link is the verdict from the ID.
  const full = JSON.parse(JSON.stringify(state));
  assert.equal(cli(full).eligible, cli({ ...state, id_number: eligibility.id_number, birth_date: undefined }).eligible);
  await page.check('#share-identifiers');
  link = await page.locator('#share-link').inputValue();
  assert.equal(decode(link).id_number, eligibility.id_number);
  await page.uncheck('#share-identifiers');
  // Opened in a fresh profile, the link without the ID gives the same verdict.
  link = await page.locator('#share-link').inputValue();
  const verdict = await page.locator('#verdict-text').textContent();
  const phone = await startBrowser(PHONE, { isMobile: true, hasTouch: true });
  try {
    const other = await phone.context.newPage();
    await other.goto(link);
    await other.waitForSelector('body[data-ready="true"]');
    await other.waitForTimeout(400);
    assert.equal(await other.locator('#id_number').inputValue(), '');
    assert.equal(await other.locator('#verdict-text').textContent(), verdict);
    await other.locator('#share-link').scrollIntoViewIfNeeded();
    await shot(other, 'eligibility-link-phone');
    await other.click('#lang-switch');
    await shot(other, 'eligibility-link-phone-en');
    assert.deepEqual(phone.problems, []);
  } finally {
    await phone.close();
  }
  assert.deepEqual(session.browser.problems, []);
});
