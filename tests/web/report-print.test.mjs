// The application report (jiangxi-2023 annex 1) prints as the template lays it out,
// filled with every field the form holds, and is refused with the reasons listed
// while the form has errors. The PDF Chromium prints is read back with pdftotext
// (poppler-utils); its pages are saved as images with pdftoppm; after the form is
// checked, the notice's official channel and the data as of are shown.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli, DESKTOP, open, PHONE, repo, screenshots, shot, startBrowser, withServerAndBrowser } from './harness.mjs';

const application = JSON.parse(readFileSync(`${repo}/web/examples/unit-application.json`, 'utf8'));
const session = withServerAndBrowser(DESKTOP);
const squeeze = (s) => String(s).replace(/\s+/g, '');

const TEXTS = {
  profile: '本公司成立于2015年，主营软件开发与信息技术服务，现有职工120人。',
  management: '实行见习管理制度和考勤制度，每周安排一次集中培训。',
  evaluation: '预计见习期满留用率不低于50%。',
};

/** A unified social credit code with its GB 32100 check character. */
function creditCode(body17) {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body17].reduce((acc, c, i) => acc + chars.indexOf(c) * weights[i], 0);
  return body17 + chars[(31 - (sum % 31)) % 31];
}

/** The example, with every one of its made-up details replaced as a clerk would, and the declarations ticked. */
async function fillReport(page) {
  await page.click('#app-example');
  await page.waitForTimeout(300);
  for (const input of await page.locator('#app-form input[type="text"], #app-form input[type="tel"], #app-form input:not([type]), #app-form textarea').all()) {
    const value = await input.inputValue();
    if (!value) continue;
    const id = await input.getAttribute('id');
    if (/credit_code/.test(id)) await input.fill(creditCode('91360100MA35K7Q27'));
    else if (/phone/.test(id)) await input.fill(`${value.slice(0, -1)}${(Number(value.at(-1)) + 1) % 10}`);
    else await input.fill(`${value}（本单位）`);
  }
  for (const box of await page.locator('#declarations .field:not([hidden]) input').all()) await box.check();
  for (const [key, text] of Object.entries(TEXTS)) await page.fill(`#report-${key}`, text);
  await page.waitForTimeout(400);
}

/** Every value the form holds, as it should appear in the printed text. */
function valuesOf(request) {
  const out = [];
  for (const [key, v] of Object.entries(request)) {
    if (['kind', 'policy', 'declarations'].includes(key)) continue;
    const rows = Array.isArray(v) ? v : [v];
    for (const row of rows) for (const x of Object.values(row ?? {})) out.push(String(x));
  }
  return out;
}

async function printToPdf(page, name) {
  mkdirSync(screenshots, { recursive: true });
  const pdf = join(screenshots, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  const text = execFileSync('pdftotext', [pdf, '-']).toString();
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(screenshots, name)]);
  return text;
}

test('printing is refused with the reasons while the form has errors', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.evaluate(() => { window.print = () => { document.body.dataset.printed = String(Number(document.body.dataset.printed ?? 0) + 1); }; });
  await fillReport(page);
  await page.fill('#unit-name', '');
  await page.fill('#plan-trainees', '-3');
  await page.waitForTimeout(400);
  await page.click('#print-report');
  const refused = page.locator('#print-refused');
  assert.equal(await refused.isVisible(), true);
  const request = JSON.parse(await page.locator('#app-request').textContent());
  const expected = cli(request);
  assert.ok(expected.errors.length >= 2);
  assert.equal(await refused.locator('li').count(), expected.errors.length);
  const reasons = await refused.textContent();
  assert.match(reasons, /单位名称/);
  assert.equal(await page.evaluate(() => document.body.dataset.printed), undefined, 'window.print was not called');
  // In print media the page shows the refusal, not a half-filled report.
  await page.emulateMedia({ media: 'print' });
  const text = await printToPdf(page, 'report-refused');
  assert.match(squeeze(text), /改正后才能打印申请报告/);
  assert.doesNotMatch(squeeze(text), /效果评估/);
  await page.emulateMedia({ media: null });
});

test('the filled report prints as annex 1 lays it out, with every field the form holds', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.evaluate(() => { window.print = () => { document.body.dataset.printed = String(Number(document.body.dataset.printed ?? 0) + 1); }; });
  await fillReport(page);
  const request = JSON.parse(await page.locator('#app-request').textContent());
  assert.deepEqual(cli(request).errors, []);
  for (const [key, value] of Object.entries(TEXTS)) assert.equal(request.report[key], value);
  await page.click('#print-report');
  assert.equal(await page.evaluate(() => document.body.dataset.printed), '1');
  assert.equal(await page.locator('#print-refused').isVisible(), false);
  const text = squeeze(await printToPdf(page, 'report-print'));
  // The template's fixed text, in printed order.
  const catalog = cli({ kind: 'catalog', sections: ['forms'] });
  const report = catalog.forms[0].report;
  let at = 0;
  for (const fixed of [report.title.zh, ...report.parts.map((p) => `${p.number.zh}、${p.title.zh}`), report.annex_table.label.zh,
    report.annex_table.title.zh]) {
    const found = text.indexOf(squeeze(fixed), at);
    assert.ok(found >= 0, `printed in order: ${fixed}`);
    at = found;
  }
  // Each box of the annex table: its label, fixed text, signature and stamp lines.
  for (const fixed of report.annex_table.boxes.flatMap((b) => [b.label.zh, b.text.zh, b.signature.zh, b.date.zh, b.stamp.zh])) {
    assert.ok(text.indexOf(squeeze(fixed).replace(/\{[^}]*\}/g, ''), at) > 0, `printed in the annex table: ${fixed}`);
  }
  // Every value the form holds is printed.
  for (const value of valuesOf(request)) assert.ok(text.includes(squeeze(value)), `printed: ${value}`);
  assert.ok(text.includes(`本年度拟提供见习岗位${request.plan.positions}个，拟接收见习人员${request.plan.trainees}人`));
  // Two A4 pages: the report, then the annex table.
  const pages = execFileSync('pdfinfo', [join(screenshots, 'report-print.pdf')]).toString();
  assert.match(pages, /Pages:\s+2/);
  assert.match(pages, /\(A4\)/);
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'report-print-desktop');
  await page.emulateMedia({ media: null });
  await page.click('#lang-switch');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'report-print-desktop-en');
  await page.emulateMedia({ media: null });
  // After the check: the notice's channel, with its clause, and the data as of.
  const policy = cli({ kind: 'catalog', policy: request.policy, sections: ['provisions'] }).policies[0];
  const channel = await page.locator('#app-channel').textContent();
  assert.equal(await page.locator('#app-channel button.rule').first().getAttribute('data-rule'), policy.channel.rule);
  assert.ok(channel.includes(policy.channel.zones[0].name.en), channel);
  assert.ok(channel.includes(catalog.rules_version.slice(0, 12)));
  await shot(page, 'portal-channel-desktop-en');
  await page.click('#lang-switch');
});

test('on a phone the printed report is the same A4 document', async () => {
  const phone = await startBrowser(PHONE, { isMobile: true, hasTouch: true });
  try {
    const page = await open(phone.context, session.server.origin, 'portal.html');
    await fillReport(page);
    const request = JSON.parse(await page.locator('#app-request').textContent());
    const text = squeeze(await printToPdf(page, 'report-print-phone'));
    for (const value of valuesOf(request)) assert.ok(text.includes(squeeze(value)), `printed: ${value}`);
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'report-print-phone');
    await page.emulateMedia({ media: null });
    await page.click('#lang-switch');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'report-print-phone-en');
    await page.emulateMedia({ media: null });
    await page.click('#lang-switch');
    assert.deepEqual(phone.problems, []);
  } finally {
    await phone.close();
  }
  assert.deepEqual(session.browser.problems, []);
});

test('the example application has a field for each free-text part of the report', () => {
  const form = cli({ kind: 'catalog', sections: ['forms'] }).forms[0];
  const report = form.sections.find((s) => s.key === 'report');
  assert.deepEqual(report.fields.map((f) => f.key), ['profile', 'management', 'evaluation']);
  assert.ok(application.unit.name);
});

test('a notice whose form was not seen: no other notice\'s fields are demanded, and no report is printed on its template', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.evaluate(() => { window.print = () => { document.body.dataset.printed = String(Number(document.body.dataset.printed ?? 0) + 1); }; });
  await page.selectOption('#app-policy', 'anhui-2022');
  await page.fill('#unit-name', '合肥某科技有限公司');
  await page.waitForTimeout(500);
  const request = JSON.parse(await page.locator('#app-request').textContent());
  assert.equal(request.policy, 'anhui-2022');
  const expected = cli(request);
  assert.deepEqual(expected.errors, [], 'nothing is demanded from jiangxi-2023\'s form');
  assert.equal(await page.locator('#application li.finding.error').count(), 0);
  assert.match(await page.locator('#application').textContent(), /申请表未见/, 'the warning is beside the notice');
  await page.click('#print-report');
  assert.equal(await page.locator('#print-refused').isVisible(), true);
  assert.match(await page.locator('#print-refused').textContent(), /不能按其他通知的模板打印/);
  assert.equal(await page.evaluate(() => document.body.dataset.printed), undefined, 'window.print was not called');
  await shot(page, 'portal-form-not-seen');
});
