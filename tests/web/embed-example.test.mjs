// The embedding layer in the example portal (examples/portal-embed), as plain HTML and
// as a Vue 3 page, served under the site's own CSP: a bad credit code typed into the
// portal's own input is marked and announced, and fixing it clears the mark; submit is
// held while errors remain, then goes through; a relation of the monthly table that
// fails is listed in the summary and jumps to its cells; axe finds nothing serious
// with findings on screen; nothing is fetched from another origin and the CSP holds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, test } from 'node:test';
import { APPLICATION_FIELDS, PROVINCE, TEMPLATE } from '../../examples/portal-embed/fields.js';
import { cli, DESKTOP, foreign, PHONE, repo, shot, withServerAndBrowser } from './harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const session = withServerAndBrowser(DESKTOP);
const example = JSON.parse(readFileSync(`${repo}web/examples/unit-application.json`, 'utf8'));
const summaryExample = JSON.parse(readFileSync(`${repo}web/examples/summary-table.json`, 'utf8'));

// 赣人社发〔2023〕9号 4.1.2 asks for the unit's credit code. The example's code
// 91360100MA35K7QW29 passes the GB 32100 check (its 18th character is the check
// character of the first 17, 9); with the last character typed as 8 it must fail.
const GOOD_CODE = example.unit.credit_code;
const BAD_CODE = `${GOOD_CODE.slice(0, 17)}8`;
const PAGES = ['index.html', 'vue.html'];

const valueAt = (pointer) => pointer.split('/').slice(1).reduce((node, key) => node?.[key], example);
const codeMessage = () => cli({ ...example, unit: { ...example.unit, credit_code: BAD_CODE } })
  .errors.find((f) => f.path === '/unit/credit_code').message;

const opened = [];
afterEach(async () => {
  for (const page of opened.splice(0)) if (!page.isClosed()) await page.close();
});

async function openExample(name, query = '') {
  const page = await session.browser.context.newPage();
  opened.push(page);
  await page.goto(`${session.server.origin}/examples/portal-embed/${name}${query}`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  return page;
}

/** Fills every mapped field from the site's example application, declarations ticked. */
async function fillApplication(page) {
  for (const [path, selector] of Object.entries(APPLICATION_FIELDS)) {
    const value = valueAt(path);
    if (path.startsWith('/declarations/')) {
      // By keyboard: the marks come and go above the box as it is ticked.
      await page.focus(selector);
      await page.keyboard.press('Space');
      assert.equal(await page.isChecked(selector), true, selector);
    }
    else if (value !== undefined) await page.fill(selector, String(value));
  }
}

async function axe(page) {
  if (!await page.evaluate(() => typeof window.axe?.run === 'function')) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const name of PAGES) {
  test(`${name}: a bad credit code is marked and announced, and fixing it clears the mark`, async () => {
    const page = await openExample(name);
    const field = page.locator('#tyshxydm');
    await field.pressSequentially(BAD_CODE);
    const expected = codeMessage();
    // Marked as soon as the code is read in full (while typing, the length is marked).
    await page.waitForFunction((m) => {
      const input = document.querySelector('#tyshxydm');
      const note = document.getElementById(input.getAttribute('aria-describedby') ?? '');
      return input.getAttribute('aria-invalid') === 'true' && note?.textContent.includes(m);
    }, expected);
    assert.match(await page.locator('[role="status"].jianxi-announcer').textContent(), new RegExp(expected));
    // Only the field typed into is marked: the others wait for a submit.
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 1);
    await field.fill(GOOD_CODE);
    await page.waitForFunction(() => !document.querySelector('#tyshxydm').hasAttribute('aria-invalid'));
    assert.equal(await field.getAttribute('aria-describedby'), null);
    assert.equal(await page.locator('.jianxi-message').count(), 0);
    await page.close();
  });

  test(`${name}: submit is held while errors remain, then goes through`, async () => {
    const page = await openExample(name);
    await page.click('#tj');
    await page.waitForFunction(() => Number(document.body.dataset.errors) > 0);
    assert.equal(await page.locator('#tjzt').textContent(), '', 'the portal\'s own submit handler did not run');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'dwmc', 'focus goes to the first field in error');
    assert.ok(await page.locator('[aria-invalid="true"]').count() > 1);
    await fillApplication(page);
    await page.click('#tj');
    await page.waitForFunction(() => document.getElementById('tjzt').textContent !== '');
    assert.equal(await page.locator('#tjzt').textContent(), '申请已提交。');
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
    await page.close();
  });

  test(`${name}: a relation of the monthly table that fails is in the summary and jumps to its cells`, async () => {
    const page = await openExample(name);
    // The site's example report's figures, as this portal's 2023-09 report (due within the
    // first days of October; submitted 2023-10-08 it is on time), with indicator 9 typed
    // as 30: the template's relation 8≥9+11 reads 20 ≥ 30 + 6 = 36, which fails by 16,
    // while 1≥2 (49 ≥ 3), 3≥4, 5≥6≥7 and 9≥10 hold.
    const report = { period: '2023-09', submitted_on: '2023-10-08', values: summaryExample.reports[0].values };
    const values = { ...report.values, 9: 30 };
    const request = { kind: 'summary_table', template: TEMPLATE, province: PROVINCE };
    assert.deepEqual(cli({ ...request, reports: [report] }).errors, [], 'the report as the example has it passes');
    const expected = cli({ ...request, reports: [{ ...report, values }] }).errors;
    assert.deepEqual(expected.map((f) => [f.code, f.path]), [['summary.relation', '/reports/0/values/8']]);
    await page.fill('#ybb_1_bgq', '2023年9月');
    await page.fill('#ybb_1_bsrq', '2023/10/8');
    for (const [n, v] of Object.entries(values)) await page.fill(`#ybb_1_${n}`, String(v));
    const summary = page.locator('#ybb-hz');
    // The table is checked as it is typed: wait for the check of the whole row.
    await page.waitForFunction((m) => document.getElementById('ybb-hz').shadowRoot.textContent.includes(m)
      && document.querySelectorAll('#ybb [aria-invalid="true"]').length === 3, expected[0].message);
    for (const n of [8, 9, 11]) assert.equal(await page.locator(`#ybb_1_${n}`).getAttribute('aria-invalid'), 'true', `cell ${n}`);
    assert.equal(await page.locator('#ybb [aria-invalid="true"]').count(), 3);
    await summary.locator('button').click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'ybb_1_8');
    // Fixed, the marks go.
    await page.fill('#ybb_1_9', String(report.values[9]));
    await page.waitForFunction(() => document.getElementById('ybb-hz').hidden);
    assert.equal(await page.locator('#ybb [aria-invalid="true"]').count(), 0);
    await page.close();
  });

  test(`${name}: axe finds no serious or critical violation with findings on screen, zh and en, phone and desktop`, async () => {
    for (const [language, viewport] of [['zh', DESKTOP], ['en', DESKTOP], ['zh', PHONE], ['en', PHONE]]) {
      const page = await openExample(name, language === 'en' ? '?lang=en' : '');
      await page.setViewportSize(viewport);
      await page.locator('#tyshxydm').pressSequentially(BAD_CODE);
      await page.click('#tj');
      await page.waitForFunction(() => Number(document.body.dataset.errors) > 0);
      // Relation 1≥2 with 1 typed as 1 and 2 as 5: fails (the other cells are missing).
      await page.fill('#ybb_1_1', '1');
      await page.fill('#ybb_1_2', '5');
      await page.waitForFunction(() => document.querySelector('#ybb_1_2').getAttribute('aria-invalid') === 'true');
      if (language === 'en') {
        const message = await page.locator('#tyshxydm + .jianxi-message').textContent();
        assert.doesNotMatch(message, /[\u4e00-\u9fff]/, 'messages follow <html lang>');
      }
      assert.deepEqual(await axe(page), [], `${language} ${viewport.width}`);
      await shot(page, `embed-${name.replace('.html', '')}-${language}-${viewport.width}`);
      await page.close();
    }
  });
}

test('detach() puts the form back exactly as it was', async () => {
  const page = await openExample('index.html');
  const same = await page.evaluate(async () => {
    const { attach } = await import('/embed/index.js');
    const form = document.createElement('form');
    form.id = 'bd';
    form.innerHTML = '<label for="bd-dm">代码</label><input id="bd-dm" aria-describedby="bd-tip"><span id="bd-tip">18位</span>'
      + '<label><input type="checkbox" id="bd-cn"> 承诺</label><button id="bd-tj">提交</button>';
    document.querySelector('main').append(form);
    const before = form.outerHTML;
    const checks = attach(form, { kind: 'unit_application', policy: 'jiangxi-2023', fields: { '/unit/credit_code': '#bd-dm', '/declarations/no_bad_credit': '#bd-cn' } });
    await checks.ready;
    form.querySelector('#bd-dm').value = 'X';
    form.querySelector('#bd-dm').dispatchEvent(new Event('input', { bubbles: true }));
    await checks.checkAll();
    const marked = form.querySelector('#bd-dm').getAttribute('aria-describedby');
    checks.detach();
    form.querySelector('#bd-dm').value = '';
    return { marked, same: form.outerHTML === before, sheets: document.adoptedStyleSheets.length };
  });
  assert.match(same.marked, /^bd-tip jianxi-message-\d+$/, 'the portal\'s own description is kept while marked');
  assert.equal(same.same, true);
  await page.close();
});

test('the examples work offline after the first visit', async () => {
  const page = await openExample('index.html');
  await page.waitForFunction(() => document.documentElement.dataset.offlineReady && navigator.serviceWorker.controller, null, { timeout: 30000 });
  await session.browser.context.setOffline(true);
  try {
    for (const name of PAGES) {
      await page.goto(`${session.server.origin}/examples/portal-embed/${name}`);
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 15000 });
      await page.locator('#tyshxydm').pressSequentially(BAD_CODE);
      await page.waitForFunction(() => document.querySelector('#tyshxydm').getAttribute('aria-invalid') === 'true');
    }
  } finally {
    await session.browser.context.setOffline(false);
  }
  await page.close();
});

test('the CSP holds and no request leaves the origin', () => {
  assert.deepEqual(session.browser.problems, []);
  assert.deepEqual(foreign(session.browser.requests, session.server.origin), []);
  assert.ok(session.browser.requests.some((u) => u.endsWith('/examples/portal-embed/lib/vue.runtime.esm-browser.prod.js')));
});

test('checkTable answers an uploaded CSV and rows of cells with the row and column of each finding', async () => {
  const page = await openExample('index.html');
  // Header, then two reports (2023-09 on time, 2023-10 with indicator 2 typed as 60):
  // relation 1≥2 reads 50 ≥ 60 and fails by 10, at the second data row (row 2 of the
  // rows given, the header being row 0), indicator 1's column (2 + 1 - 1 = 2) and 2's (3).
  const values = summaryExample.reports[0].values;
  const header = ['报告期', '报送日期', ...Object.keys(values)];
  const first = ['2023-09', '2023-10-08', ...Object.values(values)];
  const second = ['2023年10月', '2023/11/3', ...Object.values({ ...values, 1: 50, 2: 60 })];
  const request = { kind: 'summary_table', template: TEMPLATE, province: PROVINCE };
  const expected = cli({ ...request, reports: [
    { period: '2023-09', submitted_on: '2023-10-08', values },
    { period: '2023-10', submitted_on: '2023-11-03', values: { ...values, 1: 50, 2: 60 } },
  ] });
  assert.deepEqual(expected.errors.map((f) => [f.code, f.path]), [['summary.relation', '/reports/1/values/1']]);
  const answers = await page.evaluate(async ({ rows, template, province }) => {
    const { checkTable } = await import('/embed/index.js');
    const csv = rows.map((r) => r.join(',')).join('\r\n');
    const fromFile = await checkTable(new File([csv], '月报.csv', { type: 'text/csv' }), { template, province });
    const fromRows = await checkTable(rows, { template, province });
    const strange = await checkTable(42, { template, province });
    const pick = (a) => a.findings.map(({ code, row, column, cells, message }) => ({ code, row, column, cells, message }));
    return { fromFile: pick(fromFile), fromRows: pick(fromRows), strange: [strange.ok, strange.findings[0].code] };
  }, { rows: [header, first, second], template: TEMPLATE, province: PROVINCE });
  const want = [{ code: 'summary.relation', row: 2, column: 2, cells: [{ row: 2, column: 2 }, { row: 2, column: 3 }], message: expected.errors[0].message }];
  assert.deepEqual(answers.fromFile, want);
  assert.deepEqual(answers.fromRows, want);
  assert.deepEqual(answers.strange, [false, 'table.unreadable']);
});

test('<jianxi-estimate> shows the core\'s total, and no figure when the answer has errors', async () => {
  const page = await openExample('index.html');
  const estimate = page.locator('jianxi-estimate');
  // One college graduate in 南昌市 from 2024-03-01 to 2024-08-31: the figure is the core's.
  const request = { kind: 'subsidy', province: 'jiangxi', as_of: '2024-03-01', place: '南昌市',
    trainees: [{ category: 'college_graduate', start: '2024-03-01', end: '2024-08-31' }] };
  const expected = cli(request);
  assert.equal(expected.ok, true);
  await estimate.locator('select[name="category"]').selectOption('college_graduate');
  await estimate.locator('input[name="start"]').fill('2024-03-01');
  await estimate.locator('input[name="end"]').fill('2024-08-31');
  await estimate.locator('button[type="submit"]').click();
  const total = expected.total.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  await page.waitForFunction((t) => document.querySelector('jianxi-estimate').shadowRoot.querySelector('[part="total"]')?.textContent.includes(t), total);
  // Ending before it starts: the core refuses, and the element shows why, with no figure.
  await estimate.locator('input[name="end"]').fill('2024-02-01');
  await estimate.locator('button[type="submit"]').click();
  await page.waitForFunction(() => !document.querySelector('jianxi-estimate').shadowRoot.querySelector('[part="total"]'));
  const shown = await page.evaluate(() => document.querySelector('jianxi-estimate').shadowRoot.querySelector('[part="answer"]').textContent);
  assert.match(shown, /错误/);
  assert.ok(!shown.includes(total), 'the earlier figure is gone');
  assert.doesNotMatch(shown, /预计补贴合计/);
});

test('<jianxi-findings for> lists the form\'s findings and jumps to the field', async () => {
  const page = await openExample('index.html');
  await page.evaluate(() => {
    const list = document.createElement('jianxi-findings');
    list.id = 'all-findings';
    list.setAttribute('for', 'sqb');
    document.querySelector('main').prepend(list);
  });
  await page.locator('#tyshxydm').pressSequentially(BAD_CODE);
  const expected = codeMessage();
  await page.waitForFunction((m) => document.getElementById('all-findings').shadowRoot.textContent.includes(m), expected);
  await page.locator('#all-findings button', { hasText: expected }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tyshxydm');
});
