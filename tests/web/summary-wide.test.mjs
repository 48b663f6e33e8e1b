// The summary sheet on a wide screen (issue 23 item 20, seen on a 1920 px desktop in
// Chinese): the sheet uses the screen's width instead of the form's ~960 px column,
// and a finding beside a cell is a readable line, not a column of single characters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, shot, withServerAndBrowser } from './harness.mjs';

const WIDE = { width: 1920, height: 1080 };
const session = withServerAndBrowser(WIDE, { serviceWorkers: 'block' });

test('a wide screen: the sheet takes the width, findings beside cells are not squeezed', async () => {
  const page = await open(session.browser.context, session.server.origin, 'portal.html');
  await page.click('#sum-example');
  await page.waitForFunction(() => document.getElementById('sum-form').dataset.checked !== undefined);
  // The example's November row breaks 8≥9+11: its finding sits beside the cell.
  await page.waitForSelector('#sheet ul.beside li');
  const box = await page.locator('.sheet-box').boundingBox();
  const table = await page.locator('#sheet').boundingBox();
  assert.ok(box.width >= Math.min(table.width, WIDE.width * 0.85), `the sheet box is ${box.width} px wide for a ${table.width} px table`);
  assert.ok(box.x >= 0 && box.x + box.width <= WIDE.width, 'and stays on the screen');
  for (const beside of await page.locator('#sheet ul.beside').all()) {
    const { width, height } = await beside.boundingBox();
    assert.ok(width >= 150, `a finding beside a cell is ${width} px wide`);
    assert.ok(height < 200, `and ${height} px tall`);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scroll of the page (${overflow} px)`);
  await page.locator('#summary-section').screenshot({ path: `${process.env.JIANXI_BUILD_ROOT ?? 'build'}/screenshots/summary-wide.png` });
  await shot(page, 'summary-wide-page');
});
