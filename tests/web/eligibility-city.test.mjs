// A graduate in a city with a notice of its own is asked for the city, and the verdict
// follows that city's notice; in a province without one, the city is never asked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, PHONE, shot, withServerAndBrowser } from './harness.mjs';

const session = withServerAndBrowser(PHONE, { isMobile: true, hasTouch: true });

async function fresh() {
  const page = await open(session.browser.context, session.server.origin, 'eligibility.html');
  await page.click('#clear');
  return page;
}

test('广东 asks for the city; 汕头 is judged under its own notice, and the choice is kept', async () => {
  const page = await fresh();
  await page.selectOption('#province', 'guangdong');
  assert.equal(await page.locator('#place-field').isVisible(), true);
  const cities = await page.locator('#place option').allTextContents();
  assert.ok(cities.includes('广东省汕头市'), cities.join('|'));
  assert.ok(cities.includes('省内其他地区'), 'the province elsewhere is a choice');
  await page.locator('#as_of').fill('2024-06-01');
  await page.locator('#birth_date').fill('2002-05-01');
  await page.selectOption('#education', 'college');
  await page.locator('#graduated_on').fill('2023-06-30');
  await page.waitForTimeout(400);
  assert.match(await page.locator('#verdict-notice').textContent(), /广东省就业创业申请办理指导清单/);
  await page.selectOption('#place', { label: '广东省汕头市' });
  await page.waitForTimeout(400);
  assert.match(await page.locator('#verdict-notice').textContent(), /汕头市/);
  assert.doesNotMatch(await page.locator('#verdict-notice').textContent(), /广东省就业创业申请办理指导清单/);
  await shot(page, 'eligibility-shantou-city');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.locator('#place').inputValue(), '440500');
  assert.match(await page.locator('#verdict-notice').textContent(), /汕头市/);
});

test('a province whose notices all answer for the whole province does not ask for the city', async () => {
  const page = await fresh();
  await page.selectOption('#province', 'jiangxi');
  assert.equal(await page.locator('#place-field').isVisible(), false);
  await page.selectOption('#province', 'guangdong');
  await page.selectOption('#place', '440500');
  await page.selectOption('#province', 'jiangxi');
  assert.equal(await page.locator('#place-field').isVisible(), false);
  assert.equal(await page.locator('#place').inputValue(), '', 'a city of another province is not sent');
});
