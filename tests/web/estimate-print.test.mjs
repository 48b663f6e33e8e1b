// A printed estimate is a record: the answer or the reason there is none, the notice
// it rests on and the day it was made, numbered pages, and an item column that reads.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DESKTOP, loadExample, open, screenshots, withServerAndBrowser } from './harness.mjs';

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
  const item = await page.locator('#lines tbody tr').first().locator('td').nth(2).evaluate((td) => td.getBoundingClientRect().width);
  const fontSize = await page.locator('#lines tbody tr').first().locator('td').nth(2).evaluate((td) => parseFloat(getComputedStyle(td).fontSize));
  assert.ok(item > fontSize * 3, `the item column holds a word (${item}px)`);
  await page.emulateMedia({ media: null });
});
