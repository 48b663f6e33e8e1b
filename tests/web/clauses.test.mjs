// The law beside every figure: each clause id a page shows opens the quoted clause in
// place, with its notice's title and document number, exactly as the core's catalog
// quotes it; a popover beside the button on a desktop, a sheet from the bottom on a
// phone; by keyboard; Escape closes it and focus goes back. Printing an estimate adds
// every clause it cites as a footnote, after the answer and before nothing else.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cli, DESKTOP, focusedRule, loadExample, open, PHONE, repo, shot, startBrowser, withServerAndBrowser } from './harness.mjs';

const example = JSON.parse(readFileSync(`${repo}/web/examples/estimate.json`, 'utf8'));
const session = withServerAndBrowser(DESKTOP);

const clauseOf = (rule) => {
  const answer = cli({ kind: 'catalog', policy: rule.split('#')[0] });
  return { policy: answer.policies[0], clause: answer.clauses.find((c) => c.id === rule) };
};

const shownClause = (page) => page.evaluate(() => {
  const d = document.getElementById('clause-dialog');
  const r = d.getBoundingClientRect();
  return {
    open: d.open, rule: d.dataset.rule, zh: d.querySelector('blockquote.clause-zh')?.textContent,
    en: d.querySelector('blockquote.clause-en')?.textContent ?? null,
    notice: d.querySelector('.clause-notice')?.textContent, heading: d.querySelector('h2')?.textContent,
    missing: d.querySelector('.clause-missing')?.textContent ?? null,
    box: { top: r.top, bottom: r.bottom, left: r.left, width: r.width }, vh: innerHeight, vw: innerWidth,
  };
});

test('a line\'s clause opens in place with the exact text, title and document number; Escape closes, focus returns', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await loadExample(page);
  await page.waitForTimeout(400);
  const expected = cli(example);
  const rule = expected.lines[0].rule;
  await page.click('#lines-details > summary');  // the month-by-month lines, folded under the lines by intern
  const button = page.locator('#lines tbody tr').first().locator('button.rule');
  assert.equal(await button.getAttribute('data-rule'), rule);
  await button.click();
  await page.waitForFunction(() => document.getElementById('clause-dialog')?.open);
  const { policy, clause } = clauseOf(rule);
  const seen = await shownClause(page);
  assert.equal(seen.rule, rule);
  assert.equal(seen.zh, clause.text, 'the clause as the catalog quotes it');
  assert.equal(seen.heading, clause.heading);
  assert.ok(seen.notice.includes(policy.title) && seen.notice.includes(policy.document), seen.notice);
  // A popover beside the button, not a full-width sheet.
  const b = await button.boundingBox();
  assert.ok(seen.box.width < seen.vw * 0.6, `popover width ${seen.box.width}`);
  assert.ok(Math.abs(seen.box.top - (b.y + b.height + 6)) < 2 || Math.abs(seen.box.bottom - (b.y - 6)) < 2, JSON.stringify([seen.box, b]));
  await shot(page, 'clause-popover-desktop');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.getElementById('clause-dialog').open), false);
  assert.equal(await focusedRule(page, rule), rule, 'focus back on the button');

  // By keyboard: Enter on the focused button opens it again; in English the rendering comes first.
  await page.click('#lang-switch');
  await page.locator('#interpretations button.rule').first().focus();
  const irule = await page.locator('#interpretations button.rule').first().getAttribute('data-rule');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('clause-dialog')?.open);
  const en = await shownClause(page);
  const iclause = clauseOf(irule);
  assert.equal(en.en, iclause.clause.text_en);
  assert.equal(en.zh, iclause.clause.text);
  assert.ok(en.notice.includes(iclause.policy.title_en));
  await shot(page, 'clause-popover-desktop-en');
  await page.keyboard.press('Escape');
  assert.equal(await focusedRule(page, irule), irule);
  await page.click('#lang-switch');
});

test('clauses of findings and of provisions whose text was not found open too', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await page.setInputFiles('#import', { name: 'jilin.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({
    kind: 'subsidy', policy: 'jilin-2023', place: '长春市',
    trainees: [{ category: 'college_graduate', start: '2024-05-01', end: '2024-10-31', insurance_premium: 50 }],
  })) });
  await page.waitForSelector('#unknown li');
  const expected = cli({ kind: 'subsidy', policy: 'jilin-2023', place: '长春市',
    trainees: [{ category: 'college_graduate', start: '2024-05-01', end: '2024-10-31', insurance_premium: 50 }] });
  assert.equal(await page.locator('#unknown li').count(), expected.unknown.length);
  await page.locator('#unknown li button.rule').first().click();
  await page.waitForFunction(() => document.getElementById('clause-dialog')?.open);
  const seen = await shownClause(page);
  assert.equal(seen.rule, expected.unknown[0].rule);
  assert.ok(seen.missing, 'a provision not found says so');
  assert.ok(seen.notice.includes('吉人社联字〔2023〕12号'), seen.notice);
  await page.keyboard.press('Escape');
  // A finding that cites a clause: its id is a button too.
  const finding = [...expected.errors, ...expected.warnings].find((f) => f.rule && !f.rule.endsWith('#?'));
  if (finding) {
    const b = page.locator(`li.finding[data-code="${finding.code}"] button.rule`).first();
    await b.click();
    await page.waitForFunction(() => document.getElementById('clause-dialog')?.open);
    assert.equal((await shownClause(page)).rule, finding.rule);
    await page.keyboard.press('Escape');
  }
  await loadExample(page);
});

test('on a phone the clause is a sheet from the bottom; eligibility reasons open their clause', async () => {
  const phone = await startBrowser(PHONE, { isMobile: true, hasTouch: true });
  try {
    const page = await open(phone.context, session.server.origin, 'estimate.html');
    await loadExample(page);
    await page.waitForTimeout(400);
    await page.locator('#lines-details > summary').tap();
    const button = page.locator('#lines tbody tr').nth(2).locator('button.rule');
    await button.tap();
    await page.waitForFunction(() => document.getElementById('clause-dialog')?.open);
    const seen = await shownClause(page);
    assert.ok(Math.abs(seen.box.bottom - seen.vh) < 2 && Math.abs(seen.box.width - seen.vw) < 2, JSON.stringify(seen.box));
    assert.equal(seen.zh, clauseOf(seen.rule).clause.text);
    await shot(page, 'clause-sheet-phone');
    await page.locator('#clause-dialog .clause-close').tap();
    assert.equal(await page.evaluate(() => document.getElementById('clause-dialog').open), false);

    const elig = await open(phone.context, session.server.origin, 'eligibility.html');
    await loadExample(elig);
    const reason = elig.locator('#reasons li button.rule').first();
    const rule = await reason.getAttribute('data-rule');
    await reason.tap();
    await elig.waitForFunction(() => document.getElementById('clause-dialog')?.open);
    const r = await shownClause(elig);
    assert.equal(r.rule, rule);
    assert.equal(r.zh, clauseOf(rule).clause.text);
    await shot(elig, 'clause-sheet-eligibility-phone');
    await elig.keyboard.press('Escape');
    await elig.click('#lang-switch');
    await reason.tap();
    await elig.waitForFunction(() => document.getElementById('clause-dialog')?.open);
    assert.equal((await shownClause(elig)).en, clauseOf(rule).clause.text_en);
    await shot(elig, 'clause-sheet-eligibility-phone-en');
    await elig.keyboard.press('Escape');
    await elig.click('#lang-switch');
    assert.deepEqual(phone.problems, []);
  } finally {
    await phone.close();
  }
});

test('printing an estimate: the answer first, then the inputs as values, with every cited clause as a footnote', async () => {
  const page = await open(session.browser.context, session.server.origin, 'estimate.html');
  await loadExample(page);
  await page.waitForFunction(() => document.body.dataset.footnotes && document.body.dataset.footnotes !== 'pending');
  const expected = cli(example);
  const cited = [...new Set([...expected.lines.map((l) => l.rule), ...(expected.interpretations ?? []).map((i) => i.rule),
    ...[...expected.errors, ...expected.warnings].map((f) => f.rule).filter(Boolean)])];
  await page.emulateMedia({ media: 'print' });
  try {
    const seen = await page.evaluate(() => ({
      notes: [...document.querySelectorAll('#footnotes > li')].map((li) => [li.dataset.rule, li.querySelector('blockquote.clause-zh')?.textContent ?? null]),
      notesVisible: document.getElementById('footnotes').getBoundingClientRect().height > 0,
      result: document.getElementById('result').getBoundingClientRect().top,
      inputs: document.getElementById('print-inputs').getBoundingClientRect().top,
      inputsText: document.getElementById('print-inputs').innerText,
      formShown: document.getElementById('estimate-form').getClientRects().length > 0,
      total: document.getElementById('total').getBoundingClientRect().top,
    }));
    assert.deepEqual(seen.notes.map(([r]) => r).sort(), [...cited].sort());
    for (const [rule, text] of seen.notes) assert.equal(text, clauseOf(rule).clause?.text ?? null, rule);
    assert.ok(seen.notesVisible);
    assert.ok(seen.result < seen.inputs, 'the answer before the inputs');
    assert.ok(seen.total < 400, `the total near the top of page 1 (${seen.total})`);
    assert.equal(seen.formShown, false, 'the form itself is not printed');
    assert.match(seen.inputsText, /南昌市/);
    assert.match(seen.inputsText, /2023-09-01/);
    await shot(page, 'estimate-print-footnotes');
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
});
