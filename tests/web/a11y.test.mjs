// Accessibility and language on every page: axe-core (pinned in package.json, its
// source evaluated in the page, since the CSP admits no inline script) finds no
// violation of impact serious or critical on any page, in Chinese and in English, on
// a desktop and a phone, with findings on screen. In English, no Chinese text is left
// outside what is marked lang="zh-CN" (names and documents that exist only in Chinese,
// quoted originals). No page asks for a file that is not there (the icon included).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { cli, DESKTOP, foreign, loadExample, open, PHONE, shot, startBrowser, withServerAndBrowser } from './harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const session = withServerAndBrowser(DESKTOP);

/** Loads axe into the page (evaluated, not an inline <script>) and runs it. */
async function axe(page) {
  if (!await page.evaluate(() => typeof window.axe?.run === 'function')) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    rules: { 'target-size': { enabled: true } }, resultTypes: ['violations'],
  }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const HAN = /[\u3400-\u9fff\uff01-\uff5e\u3001-\u3011]+/g;

/** Every run of Chinese inside the English texts (…_en) of a core answer: names the core has only in Chinese. */
function coreRuns(answer) {
  const runs = new Set();
  const walk = (v, key = '') => {
    if (typeof v === 'string') { if (key.endsWith('_en')) for (const m of v.match(HAN) ?? []) runs.add(m); }
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(answer);
  return [...runs];
}

/** The core's answer to what the page has on screen now. */
async function currentAnswer(page, path) {
  if (path === 'estimate.html') return cli(JSON.parse(await page.locator('#request-json').textContent()));
  if (path === 'eligibility.html') return cli(JSON.parse(await page.evaluate(() => localStorage.getItem('jianxi.inputs.eligibility'))));
  if (path === 'compare.html') {
    // The catalog, and the core's answer for each province on the date shown.
    const asOf = await page.inputValue('#as-of');
    const provinces = await page.locator('#in-force li').evaluateAll((lis) => lis.map((li) => li.dataset.province));
    return [cli({ kind: 'catalog', sections: ['vocabulary', 'templates'] }),
      ...provinces.map((province) => cli({ kind: 'catalog', province, sections: ['provisions'] })),
      ...provinces.map((province) => cli({ kind: 'eligibility', province, as_of: asOf }))];
  }
  return {};
}

/**
 * Chinese characters shown in English mode outside elements marked as Chinese, other
 * than names the core's own English carries (allowed: runs found in its …_en texts).
 */
function leftovers(page, allowed = []) {
  return page.evaluate((allowedRuns) => {
    const han = /[\u3400-\u9fff\uff01-\uff5e\u3001-\u3011]/;
    const runs = /[\u3400-\u9fff\uff01-\uff5e\u3001-\u3011]+/g;
    const fromCore = (text) => (text.match(runs) ?? []).every((r) => allowedRuns.some((a) => a.includes(r)));
    const found = [];
    const marked = (el) => el?.closest('[lang^="zh"]') && el.closest('[lang^="zh"]') !== document.documentElement;
    const visible = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!han.test(n.data) || marked(el) || el.closest('script,style,pre,#lang-switch,option,datalist')) continue;
      if (!visible(el) || fromCore(n.data)) continue;
      found.push(n.data.trim().slice(0, 40));
    }
    for (const o of document.querySelectorAll('select option')) {
      if (han.test(o.textContent) && !marked(o) && visible(o.parentElement)) found.push(`option: ${o.textContent.slice(0, 40)}`);
    }
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder]')) {
      for (const attr of ['aria-label', 'title']) {
        const v = el.getAttribute(attr);
        if (v && han.test(v) && !marked(el)) found.push(`${attr}: ${v.slice(0, 40)}`);
      }
    }
    if (han.test(document.title)) found.push(`title: ${document.title}`);
    return found;
  }, allowed);
}

/** Puts findings on the page: mistakes a person makes. */
async function withFindings(page, path) {
  if (path === 'estimate.html') {
    await loadExample(page);
    await page.locator('#trainees > li').nth(1).locator('[name="end"]').fill('2023-08-01');
    await page.locator('#trainees > li').nth(0).locator('[name="insurance_premium"]').fill('-5');
    await page.waitForTimeout(500);
    await page.waitForSelector('ul.beside li.finding');
  } else if (path === 'eligibility.html') {
    await loadExample(page);
    await page.fill('#id_number', '');
    await page.locator('#id_number').pressSequentially('43010220010501123');
    await page.locator('#id_number').pressSequentially('7');
    await page.fill('#graduated_on', '2030-06-30');
    await page.waitForTimeout(400);
    await page.waitForSelector('ul.beside li.finding');
  } else if (path === 'portal.html') {
    await page.click('#app-example');
    await page.fill('#unit-credit_code', '');
    await page.locator('#unit-credit_code').pressSequentially('91360100MA35K7Q27X');
    await page.waitForTimeout(500);
    await page.waitForSelector('ul.beside li.finding');
  } else if (path === 'compare.html') {
    // The table with every notice in force today, not the first visit's empty prompt.
    await page.click('#pick-in-force');
    await page.waitForSelector('#compare th');
  }
}

const PAGES = ['', 'estimate.html', 'eligibility.html', 'portal.html', 'compare.html'];

test('axe is really running: it reports a planted violation', async () => {
  const page = await open(session.browser.context, session.server.origin, '');
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'icon.svg';
    img.id = 'planted';
    document.querySelector('main').append(img);
  });
  const found = await axe(page);
  assert.ok(found.some((v) => v.startsWith('image-alt')), found.join('\n'));
  await page.evaluate(() => document.getElementById('planted').remove());
  assert.deepEqual(await axe(page), []);
});

for (const [viewport, name] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
  test(`no serious or critical axe violation on any page, zh and en, ${name}, with findings shown`, async () => {
    const browser = viewport === DESKTOP ? session.browser
      : await startBrowser(PHONE, { isMobile: true, hasTouch: true });
    const missing = [];
    const watch = (r) => { if (r.status() === 404) missing.push(r.url()); };
    browser.context.on('response', watch);
    try {
      const report = [];
      for (const path of PAGES) {
        const page = await open(browser.context, session.server.origin, path);
        await withFindings(page, path);
        for (const lang of ['zh', 'en']) {
          if (lang === 'en') await page.click('#lang-switch');
          await page.waitForTimeout(300);
          const found = await axe(page);
          if (found.length) report.push(`${path || 'index.html'} ${lang} ${name}:\n  ${found.join('\n  ')}`);
          if (path !== 'portal.html') await shot(page, `a11y-${(path || 'index.html').replace('.html', '')}-${name}-${lang}`);
        }
        await page.click('#lang-switch'); // back to Chinese for the next page
      }
      assert.deepEqual(report, []);
      assert.deepEqual(missing, [], 'no request for a file that is not there (favicon included)');
      assert.deepEqual(browser.problems, []);
      assert.deepEqual(foreign(browser.requests, session.server.origin), []);
    } finally {
      browser.context.off('response', watch);
      if (viewport !== DESKTOP) await browser.close();
    }
  });
}

test('in English, no Chinese is left on the home, estimate, eligibility and comparison pages (findings shown)', async () => {
  const report = [];
  for (const path of ['', 'estimate.html', 'eligibility.html', 'compare.html']) {
    const page = await open(session.browser.context, session.server.origin, path);
    await withFindings(page, path);
    await page.click('#lang-switch');
    await page.waitForTimeout(800); // the charts redraw after a pause
    const found = await leftovers(page, coreRuns(await currentAnswer(page, path)));
    if (found.length) report.push(`${path || 'index.html'}: ${found.join(' | ')}`);
    await page.click('#lang-switch');
  }
  assert.deepEqual(report, []);
});

test('every page has an icon: /favicon.ico is never asked for', async () => {
  const browser = await startBrowser(DESKTOP);
  try {
    for (const path of PAGES) {
      const page = await open(browser.context, session.server.origin, path);
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => document.querySelector('link[rel="icon"]')?.getAttribute('href')), 'icon.svg', path);
    }
    assert.deepEqual(browser.requests.filter((u) => u.endsWith('/favicon.ico')), []);
  } finally {
    await browser.close();
  }
});
