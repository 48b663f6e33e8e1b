// A printed estimate is a record: the answer or the reason there is none, the notice
// it rests on and the day it was made, numbered pages, and the lines grouped by intern
// with an item column that reads (issue 23 items 12 and 17).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DESKTOP, loadExample, open, screenshots, withServerAndBrowser } from './harness.mjs';
import { fillNanchangGraduate } from './estimate-form.mjs';

const session = withServerAndBrowser(DESKTOP);

async function printed(page, name) {
  mkdirSync(screenshots, { recursive: true });
  const pdf = join(screenshots, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  return execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s*\n\s*/g, '').replace(/[ \t]+/g, ' ');
}

test('a refused estimate prints its reason, the day it was made and page numbers', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await page.click('#clear');
  await page.selectOption('#place-province', 'hunan');
  await page.locator('#place-city').pressSequentially('长沙市');
  await page.locator('#trainees [name="start"]').first().fill('2027-01-01');
  await page.locator('#trainees [name="end"]').first().fill('2027-06-30');
  await page.waitForTimeout(600);
  const text = await printed(page, 'estimate-print-refused');
  assert.match(text, /无法计算/);
  assert.match(text, /没有收录的有效通知/);
  assert.match(text, /测算日期：\d{4}-\d{2}-\d{2}/);
  assert.match(text, /第 1 页，共 \d+ 页/);
});

test('a computed estimate prints the notice it rests on, by title and document number', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await loadExample(page);
  await page.waitForTimeout(600);
  const text = await printed(page, 'estimate-print-example');
  assert.match(text, /测算日期：\d{4}-\d{2}-\d{2}；依据《[^》]+》赣人社发〔2023〕9号/);
  await page.emulateMedia({ media: 'print' });
  // On paper the lines are grouped by intern (the month-by-month table stays on screen).
  assert.equal(await page.locator('#lines').isVisible(), false);
  const item = await page.locator('#line-groups tbody tr').first().locator('td').nth(1).evaluate((td) => td.getBoundingClientRect().width);
  const fontSize = await page.locator('#line-groups tbody tr').first().locator('td').nth(1).evaluate((td) => parseFloat(getComputedStyle(td).fontSize));
  assert.ok(item > fontSize * 3, `the item column holds a word (${item}px)`);
  await page.emulateMedia({ media: null });
});

// Three interns alike under 赣人社发〔2023〕9号 §3.1, in 南昌市 (tier 1, 1,850 yuan a month
// from 2021-04-01), 2023-09-01 to 2024-02-29, premium 120 yuan each:
//   见习补贴 1,850 × 80% = 1,480 a month × 6 months = 8,880; 保险补贴 120 (paid as is);
//   9,000 each × 3 = 27,000, the total.
test('three interns alike print as a one-page recap, the lines grouped by intern', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  const card = await fillNanchangGraduate(page);
  await card.locator('button.copy').click();
  await page.locator('#trainees > li').nth(1).locator('button.copy').click();
  await page.waitForTimeout(800);
  assert.equal(await page.locator('#total').getAttribute('data-value'), '27000');
  mkdirSync(screenshots, { recursive: true });
  const pdf = join(screenshots, 'estimate-print-three-alike.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-']).toString().replace(/\s*\n\s*/g, '').replace(/[ \t]+/g, ' ');
  assert.match(first, /合计 ?27,000\.00/);
  assert.match(first, /测算日期：\d{4}-\d{2}-\d{2}；依据《[^》]+》赣人社发〔2023〕9号/);
  assert.match(first, /2023-09 – 2024-02（6 个月）/);
  assert.match(first, /1,850\.00 × 80% = 1,480\.00 ?8,880\.00/);
  assert.match(first, /每人 9,000\.00 元 × 3 人 = 27,000\.00 元/);
  assert.doesNotMatch(first, /2023-10-01至2023-10-31/, 'the month-by-month lines are not printed');
  await page.emulateMedia({ media: 'print' });
  const item = await page.locator('#line-groups tbody tr').first().locator('td').nth(1).evaluate((td) => td.getBoundingClientRect().width);
  const fontSize = await page.locator('#line-groups tbody tr').first().locator('td').nth(1).evaluate((td) => parseFloat(getComputedStyle(td).fontSize));
  assert.ok(item > fontSize * 3, `the item column holds a word (${item}px)`);
  await page.emulateMedia({ media: null });
});
