// Offline and persistence: once the service worker is active, every page reloads
// and answers with the network cut; inputs survive reloads; and in all of it the
// browser asks nothing of any host but the test session.server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { cli, loadExample, DESKTOP, foreign, open, repo, shot, withServerAndBrowser } from './harness.mjs';

const mohrss = cli({ kind: 'catalog', sections: ['templates'] }).templates.find((tpl) => tpl.id === 'mohrss-2022');
const summary = JSON.parse(readFileSync(`${repo}/web/examples/summary-table.json`, 'utf8'));

const session = withServerAndBrowser(DESKTOP);

test('inputs are kept across a reload', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await loadExample(page);
  if (!await page.locator('#more-options').evaluate((d) => d.open)) await page.click('#more-options > summary');
  await page.locator('#retention_rate').pressSequentially('0.5');
  await page.locator('#trainees > li').nth(1).locator('[name="insurance_premium"]').fill('95');
  await page.waitForTimeout(400);
  const before = await page.locator('#request-json').textContent();
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.locator('#retention_rate').inputValue(), '0.5');
  assert.equal(await page.locator('#trainees > li').nth(1).locator('[name="insurance_premium"]').inputValue(), '95');
  assert.equal(await page.locator('#request-json').textContent(), before);

  const eligibility = await open(session.browser.context, session.server.origin, 'eligibility.html');
  await eligibility.fill('#id_number', '');
  await eligibility.locator('#id_number').pressSequentially('11010519491231002X');
  await eligibility.waitForTimeout(300);
  await eligibility.reload();
  await eligibility.waitForSelector('body[data-ready="true"]');
  assert.equal(await eligibility.locator('#id_number').inputValue(), '11010519491231002X');
});

test('with the service worker active, every page reloads and answers offline', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await page.waitForFunction(() => document.documentElement.dataset.offlineReady && navigator.serviceWorker.controller, null, { timeout: 30000 });
  // The page says so.
  assert.equal(await page.locator('#offline-status').getAttribute('data-state'), 'ready');
  assert.match(await page.locator('#offline-status').textContent(), /离线/);
  // The spreadsheet libraries are not stored with the pages: a clerk who turns to the
  // portal's table once online has them offline from then on (issue 23 item 10).
  const cached = () => page.evaluate(async () => {
    const names = [];
    for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) names.push(new URL(r.url).pathname);
    return names;
  });
  assert.deepEqual((await cached()).filter((p) => p.includes('/vendor/')), []);
  await page.goto(`${session.server.origin}/portal.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.focus('#import-table');
  await page.waitForFunction(async () => {
    const names = [];
    for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) names.push(new URL(r.url).pathname);
    return names.filter((p) => p.includes('/vendor/')).length === 2;
  }, null, { timeout: 15000 });
  assert.ok((await cached()).some((p) => p.endsWith('/jianxi_module.wasm')));
  await page.goto(`${session.server.origin}/estimate.html`);
  await page.waitForSelector('body[data-ready="true"]');
  const request = JSON.parse(await page.locator('#request-json').textContent());
  await session.browser.context.setOffline(true);
  try {
    assert.equal(await page.evaluate(() => fetch(`not-cached-${Date.now()}`).then(() => 'online', () => 'offline')), 'offline',
      'the network is really cut');
    await page.waitForTimeout(100);
    const probe = session.browser.problems.findIndex((p) => p.includes('net::ERR_FAILED'));
    if (probe >= 0) session.browser.problems.splice(probe, 1); // the probe's own failure, expected
    for (const path of ['', 'estimate.html', 'eligibility.html', 'portal.html']) {
      await page.goto(`${session.server.origin}/${path}`);
      if (path) await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
      else await page.waitForFunction((n) => document.querySelectorAll('#policies li').length === n, cli({ kind: 'policies' }).policies.length);
    }
    await page.goto(`${session.server.origin}/estimate.html`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(Number(await page.locator('#total').getAttribute('data-value')), cli(request).total);
    // The portal, whose table was turned to once online, imports an .xlsx and exports one offline.
    await page.goto(`${session.server.origin}/portal.html`);
    await page.waitForSelector('body[data-ready="true"]');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('汇总表');
    sheet.addRow(['报告期', '报送日期', ...mohrss.indicators.map((ind) => ind.number)]);
    for (const r of summary.reports) sheet.addRow([r.period, r.submitted_on, ...mohrss.indicators.map((ind) => r.values[ind.number] ?? null)]);
    await page.setInputFiles('#import-table', { name: 'offline.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await book.xlsx.writeBuffer()) });
    await page.waitForFunction((k) => document.getElementById('sum-form').dataset.checked === String(k)
      && document.getElementById('progress-box').dataset.stage === 'done', summary.reports.length, { timeout: 15000 });
    assert.equal(await page.locator('#sheet tbody tr').count(), summary.reports.length);
    assert.doesNotMatch(await page.locator('#sum-summary').textContent(), /无法读取/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-findings-xlsx')]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    await shot(page, 'portal-offline');
  } finally {
    await session.browser.context.setOffline(false);
  }
});

test('no request ever left 127.0.0.1, and no page reported an error', () => {
  assert.ok(session.browser.requests.length > 10);
  assert.deepEqual(foreign(session.browser.requests, session.server.origin), []);
  assert.deepEqual(session.browser.problems, []);
});
