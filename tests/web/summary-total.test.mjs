// The 合计 row of a clerk's summary table is checked against the sum of the unit rows
// (issue 23 item 13): a wrong total is a finding on the 合计 row's cell naming the
// indicator and both figures, and the import no longer says the sum is unchecked.
// Seen on a desktop in Chinese; the English finding on a phone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gbk } from './gbk.mjs';
import { cli, DESKTOP, open, PHONE, repo, shot, withServerAndBrowser } from './harness.mjs';

const summary = JSON.parse(readFileSync(`${repo}/web/examples/summary-table.json`, 'utf8'));
const desktop = withServerAndBrowser(DESKTOP, { serviceWorkers: 'block' });
const phone = withServerAndBrowser(PHONE, { serviceWorkers: 'block' });
const mohrss = cli({ kind: 'catalog', sections: ['templates'] }).templates.find((tpl) => tpl.id === 'mohrss-2022');

// Two cities with the example's September values. The 合计 row adds them, except
// indicator 3, where the clerk wrote one more than the sum: 189 per city, so the sum
// is 378 and the row says 379.
const september = summary.reports[0].values;
const cities = ['长春市', '吉林市'];
const sum = (number) => cities.length * september[number];
const written = (number) => (number === 3 ? sum(3) + 1 : sum(number));

function csv() {
  const header = ['项目', ...mohrss.indicators.map((ind) => String(ind.number))];
  const lines = [
    header,
    ...cities.map((city) => [`${city} 2022年9月`, ...mohrss.indicators.map((ind) => String(september[ind.number]))]),
    ['合计', ...mohrss.indicators.map((ind) => String(written(ind.number)))],
  ];
  return gbk(`${lines.map((l) => l.join(',')).join('\r\n')}\r\n`);
}

async function importTable(page) {
  await page.setInputFiles('#import-table', { name: '汇总表.csv', mimeType: 'text/csv', buffer: csv() });
  await page.waitForFunction(() => document.getElementById('import-info').textContent.includes('GB18030'));
  await page.waitForFunction((k) => document.getElementById('sum-form').dataset.checked === String(k)
    && document.getElementById('progress-box').dataset.stage !== 'checking', cities.length + 1);
}

test('a 合计 row one more than the sum is a finding on its cell, with both figures', async () => {
  const page = await open(desktop.browser.context, desktop.server.origin, 'portal.html');
  await importTable(page);
  const info = await page.locator('#import-info').textContent();
  assert.doesNotMatch(info, /尚不核对/);
  assert.match(info, /合计行（文件第 4 行）已读入，核对各项关系及是否等于各单位之和/);
  const listed = await page.locator('#finding-list li.error').allTextContents();
  assert.equal(listed.length, 1, listed.join('\n'));
  assert.match(listed[0], new RegExp(`合计.*指标 3“${mohrss.indicators[2].name}”为 ${sum(3) + 1}，各单位之和为 ${sum(3)}，相差 1`));
  // The finding is placed on the 合计 row's indicator-3 cell.
  const marked = page.locator('#sheet tbody tr.total-row td[data-path="/reports/2/values/3"]');
  assert.equal(await marked.count(), 1);
  assert.equal(await marked.locator('input').getAttribute('aria-invalid'), 'true');
  await shot(page, 'summary-total-desktop-zh');
});

test('the English finding names the indicator and both figures (phone)', async () => {
  const page = await open(phone.browser.context, phone.server.origin, 'portal.html');
  await page.click('#lang-switch');
  await importTable(page);
  const listed = await page.locator('#finding-list li.error').allTextContents();
  assert.equal(listed.length, 1, listed.join('\n'));
  assert.match(listed[0], new RegExp(`indicator 3 \\(${mohrss.indicators[2].name_en}\\) is ${sum(3) + 1}, the units add up to ${sum(3)}, a difference of 1`));
  await shot(page, 'summary-total-phone-en');
});
