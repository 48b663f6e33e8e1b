// The comparison page: its cells say what the core's catalog says about each notice
// (base rate, insurance, internship length, period in force, provisions not found),
// a cell's clause opens with the exact quoted text, and the date picker names the
// notice the core applies in each province on that date; the reader picks the provinces
// (kept across reloads), the columns being the notices in force on the date or every
// notice of those provinces; on a desktop and a phone, in Chinese and in English.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, DESKTOP, focusedRule, foreign, open, PHONE, shot, startBrowser, withServerAndBrowser } from './harness.mjs';

const session = withServerAndBrowser(DESKTOP);
// Every notice with its provisions, as the page gathers them: a province at a time.
const index = cli({ kind: 'catalog', sections: ['policies', 'vocabulary', 'templates'] });
const whole = new Map([...new Set(index.policies.map((p) => p.province))]
  .flatMap((province) => cli({ kind: 'catalog', province, sections: ['provisions'] }).policies).map((p) => [p.id, p]));
const catalog = { ...index, policies: index.policies.map((p) => whole.get(p.id)) };
const pct = (r) => `${Number((Number(r) * 100).toFixed(2))}%`;

/** The text of the cell of row `row` and notice `policy`, its state and its clause ids. */
const cell = (page, row, policy) => page.evaluate(([r, p]) => {
  const td = document.querySelector(`#compare tr[data-row="${r}"] td[data-policy="${p}"]`);
  return td && { text: td.querySelector('.cell-text').textContent, all: td.textContent, state: td.dataset.state,
    rules: [...td.querySelectorAll('.cell-rules button.rule')].map((b) => b.dataset.rule) };
}, [row, policy]);

const inForce = (page) => page.evaluate(() => Object.fromEntries(
  [...document.querySelectorAll('#in-force li')].map((li) => [li.dataset.province, li.dataset.policy || null])));

async function pickDate(page, date) {
  await page.fill('#as-of', date);
  await page.waitForFunction((d) => document.body.dataset.inForce === d, date);
}

const columns = (page) => page.locator('#compare thead th[data-policy]').evaluateAll((ths) => ths.map((th) => th.dataset.policy));

/** The notices the core applies on `date` in `provinces`, in the catalog's order. */
const inForceOn = (date, provinces) => {
  const used = new Set(provinces.map((province) => cli({ kind: 'eligibility', province, as_of: date }).policy).filter(Boolean));
  return catalog.policies.filter((p) => used.has(p.id)).map((p) => p.id);
};
const provincesWithNotices = () => [...new Set(catalog.policies.map((p) => p.province))];

/** The page with nothing picked: the saved choice of an earlier test forgotten. */
async function fresh(context, origin) {
  const page = await open(context, origin, 'compare.html');
  await page.evaluate(() => localStorage.removeItem('jianxi.inputs.compare'));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Ticks the provinces' boxes (a click, or a tap on a phone). */
async function pick(page, provinces, how = 'click') {
  for (const id of provinces) {
    const box = page.locator(`#province-list input[value="${id}"]`);
    if (!(await box.isChecked())) await box[how]();
  }
}

/** Every notice of every province: the mode "every notice", every box ticked. */
async function pickEverything(page, how = 'click') {
  await page.locator('#pick-mode input[value="every"]')[how]();
  await pick(page, provincesWithNotices(), how);
}

/** Checks the cells of the notices `ids` against the catalog, in the language on screen. */
async function checkCells(page, lang, ids = catalog.policies.map((p) => p.id)) {
  assert.deepEqual(await columns(page), ids, 'one column per notice shown, in the catalog\'s order');
  for (const p of catalog.policies.filter((x) => ids.includes(x.id))) {
    const v = p.provisions;
    const unknown = (item) => v.unknown.find((u) => u.item === item);
    // Base rate for college graduates.
    const rate = await cell(page, 'rate:college_graduate', p.id);
    const r = v.subsidy.position.rates.college_graduate;
    const flat = v.subsidy.position.amounts?.college_graduate;
    assert.deepEqual(rate.rules, [v.subsidy.position.rule], p.id);
    if (flat != null) {
      assert.equal(rate.state, 'stated');
      assert.ok(rate.text.includes(String(flat)), `${p.id}: ${rate.text} has the flat ${flat}`);
    } else if (r === null) {
      assert.equal(rate.state, 'unstated', p.id);
      assert.ok(rate.text.length > 0, `${p.id}: an unstated rate is said so, never blank`);
      assert.ok(!rate.text.includes('0%'), rate.text);
    } else {
      assert.equal(rate.state, 'stated');
      assert.ok(rate.text.includes(pct(r)), `${p.id}: ${rate.text} has ${pct(r)}`);
    }
    // Insurance.
    const ins = await cell(page, 'insurance', p.id);
    if (unknown('insurance')) {
      assert.equal(ins.state, 'unknown', p.id);
      assert.ok(ins.all.includes(plainIds(lang === 'en' ? unknown('insurance').message_en : unknown('insurance').message, lang)));
    } else if (!v.subsidy.insurance) assert.equal(ins.state, 'absent', p.id);
    else {
      assert.deepEqual(ins.rules, [v.subsidy.insurance.rule]);
      if (v.subsidy.insurance.amount != null) assert.ok(ins.text.includes(String(v.subsidy.insurance.amount)), `${p.id}: ${ins.text}`);
    }
    // Internship months.
    const months = await cell(page, 'internship_months', p.id);
    const m = v.eligibility.internship_months;
    if (unknown('internship_months')) assert.equal(months.state, 'unknown', p.id);
    else if (!m) assert.equal(months.state, 'absent', p.id);
    else {
      assert.ok(months.text.includes(`${m.min}–${m.max}`), `${p.id}: ${months.text}`);
      assert.deepEqual(months.rules, [m.rule]);
    }
    // Period in force.
    const period = await cell(page, 'effective', p.id);
    assert.ok(period.text.includes(p.effective_from), `${p.id}: ${period.text}`);
    if (p.effective_to) assert.ok(period.text.includes(p.effective_to), `${p.id}: ${period.text}`);
    // Every provision not found is shown as such, with its message, never blank.
    for (const u of v.unknown) {
      const shown = await page.evaluate(([pid, text]) => [...document.querySelectorAll(`#compare td[data-policy="${pid}"][data-state="unknown"]`)]
        .some((td) => td.textContent.includes(text)), [p.id, plainIds(lang === 'en' ? u.message_en : u.message, lang)]);
      assert.ok(shown, `${p.id}: unknown ${u.item} shown`);
    }
  }
  // No cell is blank.
  const blank = await page.locator('#compare tbody td').evaluateAll((tds) => tds.filter((td) => !td.textContent.trim()).length);
  assert.equal(blank, 0);
}

/** A message as the pages show it: notice ids read as document numbers (or province and year). */
function plainIds(text, lang) {
  let out = text;
  for (const p of catalog.policies) {
    const year = p.id.split('-')[1];
    const province = catalog.provinces.find((x) => x.id === p.province)?.name_en ?? p.province;
    const name = lang === 'en' ? `the ${province} ${year} notice` : p.document ?? `${p.province_zh}${year}年通知`;
    out = out.replace(new RegExp(`${p.id}(#[\\w.?]+)?`, 'g'), name);
  }
  return out;
}

test('the cells match the catalog, in Chinese and in English; a provision not found is shown as unknown', async () => {
  const page = await fresh(session.browser.context, session.server.origin);
  await pickEverything(page);
  await checkCells(page, 'zh');
  // jilin-2023's retention raise was not found: its cell says so.
  const jilinRetention = await cell(page, 'retention', 'jilin-2023');
  assert.equal(jilinRetention.state, 'unknown');
  assert.match(jilinRetention.text, /原文未找到/);
  assert.deepEqual(jilinRetention.rules, ['jilin-2023#?']);
  // The retention raise as text: shanxi-2022's two bands.
  const raise = await cell(page, 'retention', 'shanxi-2022');
  assert.match(raise.text, /高于50%：60%，每满10个百分点加5%；留用率高于80%：100%/);
  await shot(page, 'compare-desktop-zh');
  await page.click('#lang-switch');
  await checkCells(page, 'en');
  assert.match((await cell(page, 'retention', 'shanxi-2022')).text, /above 50%: 60%, \+5% per whole 10 points; above 80%: 100%/);
  assert.match((await cell(page, 'retention', 'jilin-2023')).text, /^Text not found: the notice has this provision/);
  await shot(page, 'compare-desktop-en');
  await page.click('#lang-switch');
  assert.deepEqual(session.browser.problems, []);
  assert.deepEqual(foreign(session.browser.requests, session.server.origin), []);
});

test('a cell\'s clause opens with the exact quoted text', async () => {
  const page = await fresh(session.browser.context, session.server.origin);
  await pickEverything(page);
  const button = page.locator('#compare tr[data-row="insurance"] td[data-policy="shanxi-2022"] button.rule').first();
  const rule = await button.getAttribute('data-rule');
  await button.click();
  await page.waitForFunction(() => document.getElementById('clause-dialog')?.open);
  const clause = cli({ kind: 'catalog', policy: rule.split('#')[0] }).clauses.find((c) => c.id === rule);
  const seen = await page.evaluate(() => {
    const d = document.getElementById('clause-dialog');
    return { rule: d.dataset.rule, zh: d.querySelector('blockquote.clause-zh')?.textContent };
  });
  assert.equal(seen.rule, rule);
  assert.equal(seen.zh, clause.text);
  await page.keyboard.press('Escape');
  assert.equal(await focusedRule(page, rule), rule, 'focus back on the button');
});

const DATES = [
  ['2022-07-01', { jilin: 'jilin-2022' }],
  ['2024-06-01', { jilin: 'jilin-2023', shanxi: cli({ kind: 'eligibility', province: 'shanxi', as_of: '2024-06-01' }).policy }],
  ['2026-11-26', { hunan: null }],
];

test('the date picker names the notice in force in each province, as the core chooses; the columns follow it', async () => {
  const page = await fresh(session.browser.context, session.server.origin);
  await pick(page, provincesWithNotices());
  for (const [date, expected] of DATES) {
    await pickDate(page, date);
    const shown = await inForce(page);
    for (const [province, policy] of Object.entries(expected)) assert.equal(shown[province], policy, `${date} ${province}`);
    // Every province, against the CLI's answer to the same minimal request.
    for (const province of Object.keys(shown)) {
      assert.equal(shown[province], cli({ kind: 'eligibility', province, as_of: date }).policy ?? null, `${date} ${province}`);
    }
    const marked = await page.locator('#compare thead th[data-in-force="used"]').evaluateAll((ths) => ths.map((th) => th.dataset.policy));
    assert.deepEqual(marked.sort(), Object.values(shown).filter(Boolean).sort(), `${date}: the columns in force are marked`);
    assert.deepEqual(await columns(page), inForceOn(date, provincesWithNotices()), `${date}: one column per province, its notice in force`);
  }
  // Hunan has no notice in force on 2026-11-26 (nor have other provinces): no column, and the status line says so.
  assert.match(await page.locator('#pick-status').textContent(), /湖南(、[^：]+)?：2026-11-26 无收录的有效通知/);
  const none = page.locator('#in-force li[data-province="hunan"]');
  assert.match(await none.textContent(), /没有收录的有效通知/);
  await page.click('#lang-switch');
  assert.match(await none.textContent(), /no notice of Hunan in force on 2026-11-26/);
  await page.click('#lang-switch');
});

/**
 * How much of a province's notice is known, from the catalog: the notice in force on
 * `date`, else the latest; none found without a notice; complete when it lists no
 * provision as not found and its eligibility is its own; national floor only when the
 * catalog marks the notice national_only (no notice of the province); notice named only when
 * eligibility rests on the national documents and it states no rate or amount.
 */
function knownFromCatalog(province, date) {
  const own = catalog.policies.filter((p) => p.province === province);
  const used = cli({ kind: 'eligibility', province, as_of: date }).policy;
  const p = own.find((x) => x.id === used) ?? [...own].sort((a, b) => b.effective_from.localeCompare(a.effective_from))[0];
  if (!p) return 'none';
  if (p.national_only) return 'national';
  const e = p.provisions.eligibility ?? {};
  if (!p.provisions.unknown.length && !e.national_basis) return 'complete';
  const pos = p.provisions.subsidy?.position ?? {};
  const figure = Object.values(pos.rates ?? {}).some((r) => r !== null) || Object.keys(pos.amounts ?? {}).length > 0;
  return figure || (!e.national_basis && (e.graduate || e.internship_months || e.categories?.length)) ? 'partial' : 'named';
}

test('picking provinces: nothing at first with a prompt, by keyboard, kept across reloads, every notice or the one in force, all in force at one tap', async () => {
  const page = await fresh(session.browser.context, session.server.origin);
  const date = await page.inputValue('#as-of');
  // Nothing picked: no table, a prompt that says how to pick.
  assert.deepEqual(await columns(page), []);
  assert.equal(await page.locator('#compare-scroll').isVisible(), false);
  assert.match(await page.locator('#pick-status').textContent(), /尚未选择省份/);
  // Every province of the catalog is offered, each saying how much is known.
  const offered = await page.locator('#province-list label').evaluateAll((ls) => ls.map((l) => [l.querySelector('input').value, l.dataset.known]));
  const ids = [...new Set([...catalog.provinces.map((p) => p.id), ...provincesWithNotices()])];
  assert.deepEqual(offered.map(([id]) => id), ids);
  for (const [id, known] of offered) assert.equal(known, knownFromCatalog(id, date), id);
  // jilin-2023 lists provisions not found (its retention raise, say): partial, said in words.
  assert.match(await page.locator('#province-list label:has(input[value="jilin"])').textContent(), /吉林.*部分/);
  // A province whose only notice is the national documents standing in says so, not "partial".
  const standIn = offered.find(([, known]) => known === 'national');
  if (standIn) assert.match(await page.locator(`#province-list label:has(input[value="${standIn[0]}"])`).textContent(), /仅有国家文件/);
  // By keyboard: Tab reaches a box, Space ticks it; the column is Jilin's notice in force.
  await page.locator('#province-list input[value="jilin"]').focus();
  await page.keyboard.press('Space');
  assert.deepEqual(await columns(page), inForceOn(date, ['jilin']));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'checkbox', 'Tab moves on to the next province');
  // Kept across a reload.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.locator('#province-list input[value="jilin"]').isChecked(), true);
  assert.deepEqual(await columns(page), inForceOn(date, ['jilin']));
  // Every notice of the picked provinces: Jilin's two, oldest first as the catalog lists them.
  await page.locator('#pick-mode input[value="every"]').check();
  const jilin = catalog.policies.filter((p) => p.province === 'jilin').map((p) => p.id);
  assert.deepEqual(await columns(page), jilin);
  assert.match(await page.locator('#pick-status').textContent(), new RegExp(`表中 ${jilin.length} 份通知`));
  // Clear, then one tap: every province's notice in force on the date.
  await page.click('#pick-none');
  assert.deepEqual(await columns(page), []);
  await page.click('#pick-in-force');
  assert.deepEqual(await columns(page), inForceOn(date, provincesWithNotices()));
  assert.equal(await page.locator('#pick-mode input[value="in_force"]').isChecked(), true);
  // In English: the picker and the prompt.
  await page.click('#pick-none');
  await page.click('#lang-switch');
  assert.match(await page.locator('#pick-status').textContent(), /No province picked yet/);
  assert.match(await page.locator('#province-list label:has(input[value="jilin"])').textContent(), /Jilin.*partial/);
  await page.click('#lang-switch');
  assert.deepEqual(session.browser.problems, []);
});

test('on a phone: a prompt, not 30 columns; the picked columns scroll sideways with the first column in place; the date picker and clauses work; both languages', async () => {
  const phone = await startBrowser(PHONE, { isMobile: true, hasTouch: true });
  try {
    const page = await open(phone.context, session.server.origin, 'compare.html');
    const width = () => page.evaluate(() => ({ page: document.documentElement.scrollWidth, vw: innerWidth }));
    // A first visit: nothing picked, so no table at all, and nothing wider than the phone.
    assert.deepEqual(await columns(page), []);
    assert.ok((await width()).page <= (await width()).vw, 'the page does not scroll sideways');
    await shot(page, 'compare-phone-empty-zh');
    await pick(page, ['jiangxi', 'shanxi'], 'tap');
    await pickDate(page, '2024-06-01');
    const ids = inForceOn('2024-06-01', ['jiangxi', 'shanxi']);
    await checkCells(page, 'zh', ids);
    const geometry = await page.evaluate(() => {
      const box = document.getElementById('compare-scroll');
      return { scrollable: box.scrollWidth > box.clientWidth, page: document.documentElement.scrollWidth, vw: innerWidth };
    });
    assert.ok(geometry.scrollable, 'the table scrolls inside its box');
    assert.ok(geometry.page <= geometry.vw, `the page itself does not scroll sideways (${geometry.page} > ${geometry.vw})`);
    const firstColumn = page.locator('#compare tr[data-row="insurance"] th');
    const before = await firstColumn.boundingBox();
    await page.evaluate(() => { document.getElementById('compare-scroll').scrollLeft = 200; });
    const after = await firstColumn.boundingBox();
    assert.ok(Math.abs(before.x - after.x) < 1, 'the first column stays in place');
    await page.evaluate(() => { document.getElementById('compare-scroll').scrollLeft = 0; });
    for (const [date, expected] of DATES) {
      await pickDate(page, date);
      const shown = await inForce(page);
      for (const [province, policy] of Object.entries(expected)) assert.equal(shown[province], policy, `${date} ${province}`);
      assert.deepEqual(await columns(page), inForceOn(date, ['jiangxi', 'shanxi']), date);
    }
    await pickDate(page, '2024-06-01');
    await shot(page, 'compare-phone-zh');
    const button = page.locator('#compare tr[data-row="rate:college_graduate"] td[data-policy="jiangxi-2023"] button.rule');
    const rule = await button.getAttribute('data-rule');
    await button.tap();
    await page.waitForFunction(() => document.getElementById('clause-dialog')?.open);
    const clause = cli({ kind: 'catalog', policy: 'jiangxi-2023' }).clauses.find((c) => c.id === rule);
    assert.equal(await page.locator('#clause-dialog blockquote.clause-zh').textContent(), clause.text);
    await page.keyboard.press('Escape');
    await page.click('#lang-switch');
    await checkCells(page, 'en', ids);
    await shot(page, 'compare-phone-en');
    await page.click('#lang-switch');
    assert.deepEqual(phone.problems, []);
  } finally {
    await phone.close();
  }
});

test('printing: the picked columns in full width with every note open, the controls left out', async () => {
  const page = await fresh(session.browser.context, session.server.origin);
  await page.click('#pick-in-force');
  const picked = await columns(page);
  assert.ok(picked.length > 0);
  await page.emulateMedia({ media: 'print' });
  try {
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const seen = await page.evaluate(() => ({
      header: document.querySelector('header').getClientRects().length,
      date: document.getElementById('as-of').getClientRects().length,
      picker: document.getElementById('pick-box').getClientRects().length,
      closed: document.querySelectorAll('#compare details:not([open])').length,
      table: document.getElementById('compare').getBoundingClientRect().width,
      box: document.getElementById('compare-scroll').clientWidth,
      spilling: [...document.querySelectorAll('#compare th, #compare td')].filter((c) => c.scrollWidth > c.clientWidth + 1).length,
    }));
    assert.equal(seen.header, 0);
    assert.equal(seen.date, 0);
    assert.equal(seen.picker, 0, 'the province picker is left out');
    assert.equal(seen.closed, 0, 'every note open for the print');
    assert.ok(seen.table <= seen.box + 1, `the table fits the page width (${seen.table} > ${seen.box})`);
    assert.equal(seen.spilling, 0, 'no cell\'s content spills out of it');
    assert.deepEqual(await columns(page), picked, 'the picked columns are printed');
    const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
    assert.ok(pdf.length > 1000);
    await shot(page, 'compare-print');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
});
