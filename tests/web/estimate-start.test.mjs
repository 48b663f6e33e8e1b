// The estimate page's first moments: it starts blank (the example only on request and
// labelled while shown), lists what it still needs without marking untouched fields
// as mistakes, keeps its form visibly out of use while the calculator loads, and says
// plainly when the calculator cannot be loaded, with a way to try again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESKTOP, open, PHONE, shot, startBrowser, withServerAndBrowser } from './harness.mjs';

const session = withServerAndBrowser(DESKTOP);

test('on a phone the bar says which fields are still needed, not the heading alone', async () => {
  const phone = await startBrowser(PHONE);
  try {
    const page = await open(phone.context, session.server.origin, 'estimate.html');
    await page.selectOption('#place-province', 'jilin');
    await page.waitForTimeout(500);
    const first = page.locator('#bar-missing .needed li').first();
    assert.match(await first.textContent(), /开始日期/);
    assert.ok(await first.isVisible(), 'the first field still needed is shown in the bar');
    const bar = await page.locator('#summary-bar').boundingBox();
    assert.ok(bar.height < 844 / 4, `the bar stays small (${bar.height} px)`);
    await shot(page, 'estimate-needed-phone');
  } finally {
    await phone.close();
  }
});

test('a first visit is blank and lists what is needed, with no error on an untouched field', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  assert.equal(await page.locator('#trainees [name="start"]').first().inputValue(), '');
  assert.ok(await page.locator('#example-note').isHidden());
  assert.equal(await page.locator('#estimate-form .finding.error').count(), 0);
  assert.equal(await page.locator('#estimate-form [aria-invalid="true"]').count(), 0);
  assert.equal(await page.locator('#bar-missing').getAttribute('data-count'), '0');
  const needed = await page.locator('#bar-missing .needed li').allTextContents();
  assert.ok(needed.some((n) => /省份/.test(n)) && needed.some((n) => /开始日期/.test(n)), needed.join('|'));
  assert.doesNotMatch(await page.locator('main').innerText(), /还需补正|不是有效日期/);
  // A province chosen is no longer asked for; the start date that picks its notice still is.
  await page.selectOption('#place-province', 'jilin');
  await page.waitForTimeout(500);
  const still = await page.locator('#bar-missing .needed li').allTextContents();
  assert.ok(!still.some((n) => /^省份/.test(n)) && still.some((n) => /开始日期/.test(n)), still.join('|'));
  // Reloaded, the province chosen is kept, and the dates never typed are still needed, not mistakes.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#place-province').inputValue(), 'jilin');
  assert.equal(await page.locator('#estimate-form .finding.error').count(), 0);
  assert.doesNotMatch(await page.locator('#bar-missing').innerText(), /还需补正/);
  assert.ok((await page.locator('#bar-missing .needed li').allTextContents()).some((n) => /开始日期/.test(n)));
  // A field once touched and left wrong is marked.
  const start = page.locator('#trainees [name="start"]').first();
  const end = page.locator('#trainees [name="end"]').first();
  await start.fill('2024-03-01');
  await end.fill('2024-02-01');
  await page.waitForTimeout(500);
  assert.ok(await page.locator('#estimate-form .finding.error').count() > 0);
});

test('the example is labelled while shown and cleared in one tap', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await page.click('#load-example');
  await page.waitForTimeout(500);
  assert.ok(await page.locator('#example-note').isVisible());
  await page.click('#clear-example');
  await page.waitForTimeout(400);
  assert.ok(await page.locator('#example-note').isHidden());
  assert.equal(await page.locator('#trainees [name="start"]').first().inputValue(), '');
});

test('while the calculator loads the form is visibly out of use, and typing is not lost', async () => {
  const phone = await startBrowser(PHONE, { isMobile: true, hasTouch: true });
  try {
    const page = await phone.context.newPage();
    let release;
    const held = new Promise((done) => { release = done; });
    await page.route('**/jianxi_module.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(`${session.server.origin}/eligibility.html`);
    await page.waitForSelector('#eligibility-form');
    assert.equal(await page.locator('#eligibility-form').evaluate((f) => f.inert), true);
    assert.ok(Number(await page.locator('#eligibility-form').evaluate((f) => getComputedStyle(f).opacity)) < 1);
    await page.locator('#birth_date').fill('2003-05-01', { timeout: 500 }).catch(() => {});
    release();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.locator('#eligibility-form').evaluate((f) => f.inert), false);
    await page.locator('#birth_date').fill('2003-05-01');
    assert.equal(await page.locator('#birth_date').inputValue(), '2003-05-01');
  } finally {
    await phone.close();
  }
});

test('a calculator that cannot load is said plainly, with a retry, and the form is not offered', async () => {
  const browser = await startBrowser(DESKTOP);
  try {
    const page = await browser.context.newPage();
    await page.route('**/jianxi_module.wasm', (route) => route.abort('internetdisconnected'));
    await page.goto(`${session.server.origin}/estimate.html`);
    await page.waitForSelector('#engine-status[data-state="failed"]');
    const said = await page.locator('#engine-status').textContent();
    assert.doesNotMatch(said, /TypeError|Failed to fetch/);
    assert.match(said, /未能加载/);
    assert.ok(await page.locator('#retry-load').isVisible());
    assert.equal(await page.locator('#estimate-form').evaluate((f) => f.inert), true);
    await shot(page, 'estimate-load-failed');
    await page.unroute('**/jianxi_module.wasm');
    await page.click('#retry-load');
    await page.waitForSelector('body[data-ready="true"]');
  } finally {
    await browser.close();
  }
});
