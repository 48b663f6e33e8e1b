// The graduate's eligibility page: a short form read into an `eligibility` request;
// the verdict, its reasons and clauses, and the ID number checked on every keystroke
// by the core itself (GB 11643: length, characters, MOD 11-2 check, birth date).
// The page starts empty and gives a verdict only once the person has said who they
// are (ID number or birth date, education) and where (province); until then it says
// what is still needed. The notice is the one the core finds in force in the province
// on the planned start date, unless the person names one (then the core warns when it
// is not in force on that date).
import { clauseButton } from './clauses.js';
import { catalog, engine, markFirstResult, onRulesLoaded } from './engine.js';
import { showFindings } from './findings.js';
import { debounce, nameIn, nameOf, provinceName, provincesWithNotice, today } from './format.js';
import { initLanguage, msg, t, setText } from './i18n.js';
import { fillCheckboxes, noticeLabel } from './policy-choice.js';
import { learnNotices } from './plain.js';
import { knownOf, showKnown } from './known-level.js';
import { loadFailed } from './load-failure.js';
import { load, save } from './store.js';
import { initHandoff } from './handoff.js';
import { caveatLine } from './caveat-line.js';

const PAGE = 'eligibility';
const form = document.getElementById('eligibility-form');
const $ = (id) => document.getElementById(id);
const FLAGS = ['employed', 'registered_unemployed', 'returned_from_abroad', 'previous_internship'];
const DATES = ['as_of', 'birth_date', 'graduated_on'];
let jianxi;
let rules = {};
let example = null;
let lastResult = null;
let lastRequest = null;

/** An ID number as typed or pasted: spaces and dashes dropped, upper case. */
export const normalId = (s) => String(s ?? '').replace(/[\s\-\u3000]/g, '').toUpperCase();

/** Date fields holding something that is not a date (02/30): the browser gives '' for them. */
const badDates = () => DATES.filter((id) => $(id).validity.badInput);

export function readRequest() {
  const request = { kind: 'eligibility' };
  if ($('policy').value) request.policy = $('policy').value;
  else if ($('province').value) request.province = $('province').value;
  // Kept with a notice chosen too: the core then says whether the city is in its area.
  if ($('place').value && !$('place-field').hidden) request.place = $('place').value;
  request.as_of = $('as_of').value;
  const id = normalId($('id_number').value);
  if (id) request.id_number = id;
  else if ($('birth_date').value) request.birth_date = $('birth_date').value;
  if ($('education').value) request.education = $('education').value;
  if ($('graduated_on').value) request.graduated_on = $('graduated_on').value;
  for (const flag of FLAGS) request[flag] = form[flag].checked;
  const regions = [...form.querySelectorAll('[name="region_flags"]:checked')].map((c) => c.value);
  if (regions.length) request.region_flags = regions;
  if ($('planned_months').value) request.planned_months = Number($('planned_months').value);
  return request;
}

function fillForm(request) {
  const policy = rules.policies.find((p) => p.id === request.policy);
  $('province').value = request.province ?? policy?.province ?? '';
  fillNotices();
  fillPlaces();
  $('place').value = [...$('place').options].some((o) => o.value === request.place) ? request.place : '';
  $('policy').value = policy ? policy.id : '';
  $('as_of').value = request.as_of ?? today();
  for (const id of ['id_number', 'birth_date', 'graduated_on', 'planned_months']) $(id).value = request[id] ?? '';
  $('education').value = request.education ?? '';
  for (const flag of FLAGS) form[flag].checked = Boolean(request[flag]);
  for (const c of form.querySelectorAll('[name="region_flags"]')) c.checked = (request.region_flags ?? []).includes(c.value);
}

/** A select's options from the catalog, after a first empty choice ("choose…"). */
function fillWithBlank(select, entries, blank) {
  const chosen = select.value;
  select.replaceChildren(new Option(blank, ''), ...entries.map(([value, label]) => new Option(label, value)));
  select.value = entries.some(([value]) => value === chosen) ? chosen : '';
}

function fillProvinces() {
  const list = provincesWithNotice(rules.provinces, rules.policies);
  fillWithBlank($('province'), list.map((p) => [p.id, provinceName(rules.provinces, p.id)]), t('请选择省份', 'Choose a province'));
}

/** The notices of the chosen province; the first choice lets the core pick by date. */
function fillNotices() {
  const province = $('province').value;
  const list = rules.policies.filter((p) => !province || p.province === province);
  fillWithBlank($('policy'), list.map((p) => [p.id, noticeLabel(p, rules.provinces)]), t('按日期自动选择', 'Chosen by date'));
}

/** The cities of the chosen province that have a notice of their own: asked only there. */
function fillPlaces() {
  const province = $('province').value;
  const cities = new Map();
  for (const p of rules.policies)
    if (p.province === province) for (const s of p.scope ?? []) cities.set(s.code, t(s.name, s.name_en));
  fillWithBlank($('place'), [...cities], t('省内其他地区', 'Elsewhere in the province'));
  $('place-field').hidden = cities.size === 0;
}

function fillFromCatalog() {
  fillProvinces();
  fillNotices();
  fillPlaces();
  fillWithBlank($('education'), rules.education.map((e) => [e.id, nameOf(e)]), t('请选择学历', 'Choose your education'));
  fillCheckboxes($('region-flags'), 'region_flags', rules.region_flags);
}

/** What the person still has to give before a verdict means anything. */
function missing(request) {
  const needs = [];
  if (!request.policy && !request.province) needs.push(['province', t('所在省份', 'your province')]);
  if (!request.as_of) needs.push(['as_of', t('拟参加见习日期', 'the planned start date')]);
  if (!request.id_number && !request.birth_date) needs.push(['id_number', t('身份证号码或出生日期', 'your ID number or date of birth')]);
  if (!request.education) needs.push(['education', t('学历', 'your education')]);
  if (!request.graduated_on && !request.registered_unemployed) {
    needs.push(['graduated_on', t('离校（毕业）日期，或勾选“已办理失业登记”', 'the day you left school, or tick “Registered as unemployed”')]);
  }
  return needs;
}

function renderIdState(result) {
  const state = $('id-state');
  const id = normalId($('id_number').value);
  const finding = [...result.errors, ...result.warnings].find((f) => f.path === '/id_number');
  state.dataset.state = !id ? '' : finding ? 'bad' : 'good';
  state.textContent = !id ? '' : finding ? '' : t(`号码有效（${id.length}位，校验位正确）`, 'The number is valid (check character correct)');
}

const dateProblem = (id) => ({
  path: `/${id}`, code: 'page.date_not_a_day',
  message: '日期不完整或这一天不存在（例如 2 月没有 30 日），请检查。',
  message_en: 'The date is incomplete or there is no such day (February has no 30th, for example); check it.',
});

function withRule(li, rule) {
  if (rule) li.append(' ', clauseButton(rule));
  return li;
}

function noticeNote(f) {
  const li = document.createElement('li');
  li.className = 'finding warning';
  li.dataset.code = f.code;
  li.append(msg(f));
  return withRule(li, f.rule);
}

function render(result, request) {
  markFirstResult();
  lastResult = result;
  lastRequest = request;
  const bad = badDates();
  const needs = missing(request);
  // Findings of the core about a date the browser could not read are replaced by the page's own.
  // No notice in force is an outcome of its own, not a mistake in the form.
  const noNotice = needs.length ? null : result.errors.find((f) => f.code === 'policy.none_in_force');
  const shown = {
    ...result,
    // and, until the person has said enough, not the core's "… is missing": the page lists what it needs.
    errors: [...bad.map(dateProblem), ...result.errors.filter((f) => !bad.some((id) => f.path === `/${id}`)
      && !(needs.length && f.code.endsWith('.missing')) && f !== noNotice)],
    // Until the person has said enough, only errors in what they typed are shown.
    warnings: needs.length ? [] : result.warnings.filter((f) => !f.path?.startsWith('/policy') && !f.path?.startsWith('/province') && f.path !== '/as_of'),
  };
  showFindings(form, shown, $('general-findings'));
  renderIdState(result);
  // Notes about the notice (not in force, several in force, start unconfirmed) go under the verdict.
  const about = needs.length ? [] : result.warnings.filter((f) => !shown.warnings.includes(f));
  const outside = about.filter((f) => f.code === 'policy.outside_effective_period');
  const folded = about.filter((f) => !outside.includes(f));
  $('notice-findings').replaceChildren(...outside.map(noticeNote),
    ...(folded.length > 1 ? [caveatLine(t('所依据的通知有未能确认之处，请向当地人社部门核实。',
      'Parts of the notice this answer rests on are not confirmed: check with the local office.'), folded, (p, f) => withRule(p, f.rule))]
      : folded.map(noticeNote)));
  const verdict = $('verdict-text');
  const waiting = needs.length > 0;
  const blocked = !waiting && !noNotice && (shown.errors.length > 0);
  const outOfForce = result.warnings.some((f) => f.code === 'policy.outside_effective_period');
  verdict.dataset.eligible = waiting || blocked || noNotice ? '' : String(result.eligible);
  verdict.dataset.blocked = String(blocked);
  verdict.dataset.waiting = String(waiting);
  verdict.dataset.outOfForce = String(outOfForce && !waiting);
  verdict.dataset.outcome = waiting ? 'waiting' : noNotice ? 'no-notice' : blocked ? 'blocked' : result.eligible ? 'eligible' : 'not-eligible';
  verdict.textContent = waiting ? t('请先填写下列信息，再给出结果：', 'Fill in the following, then the result appears:')
    : noNotice ? t('暂无可依据的见习通知，无法判断', 'No notice in force to decide by')
    : blocked ? t('暂不能判断：请先改正标出的错误', 'Cannot decide yet: correct the marked errors first')
      : result.eligible
        ? (outOfForce ? t('按该通知符合条件，但该通知在此日期不在有效期内', 'You would qualify under this notice, but it is not in force on that date')
          : t('符合参加就业见习的条件', 'You qualify for an internship'))
        : t('不符合参加就业见习的条件', 'You do not qualify');
  $('verdict-needs').replaceChildren(...(waiting ? needs : []).map(([id, label]) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `#${id}`;
    a.textContent = label;
    a.addEventListener('click', (e) => { e.preventDefault(); $(id).focus(); });
    li.append(a);
    return li;
  }));
  const bits = [];
  if (!waiting && result.category) bits.push(`${t('人员类别：', 'Category: ')}${nameIn(rules.categories, result.category)}`);
  if (!waiting && result.age !== undefined) bits.push(t(`年龄：${result.age} 周岁`, `Age: ${result.age}`));
  $('verdict-detail').textContent = bits.join('　');
  const policy = rules.policies.find((p) => p.id === result.policy);
  const notice = $('verdict-notice');
  notice.replaceChildren();
  if (policy && !waiting) {
    notice.append(t('依据：', 'Under: '), `${t(policy.title, policy.title_en)} `);
    const doc = document.createElement('span');
    doc.lang = 'zh-CN';
    doc.textContent = policy.document ?? '';
    notice.append(doc);
    if (result.policy_choice && !request.policy) {
      notice.append(' ', t(`，在 ${request.as_of} 有效的通知中按规则选用。`, `, chosen among the notices in force on ${request.as_of}.`));
    }
  }
  const heldNone = request.province && !rules.policies.some((p) => p.province === request.province);
  showKnown($('known-level'), waiting ? null : policy ? knownOf(policy) : heldNone ? 'none' : null);
  renderNextSteps(noNotice, result, request, waiting || blocked);
  // The core lists the reasons that decide the verdict first; beside a "yes", a rule that
  // does not apply to the person is said to be not applicable, not "does not qualify".
  const effectName = { admits: t('符合', 'Qualifies'), excludes: t('不符合', 'Does not qualify'), note: t('说明', 'Note') };
  const reasons = waiting || noNotice ? [] : result.reasons ?? [];
  $('reasons').replaceChildren(...reasons.map((r) => {
    const li = document.createElement('li');
    li.dataset.effect = r.effect ?? 'note';
    const tag = document.createElement('strong');
    tag.textContent = result.eligible && r.effect === 'excludes' ? t('不适用', 'Not applicable') : effectName[r.effect] ?? effectName.note;
    li.append(tag, ' ', msg(r));
    return withRule(li, r.rule);
  }));
  const unknown = waiting ? [] : result.unknown ?? [];
  $('unknown').replaceChildren(...unknown.map((u) => {
    const li = document.createElement('li');
    li.dataset.item = u.item ?? '';
    li.append(msg(u));
    return withRule(li, u.rule);
  }));
  $('unknown-box').hidden = !unknown.length;
  const interpretations = waiting ? [] : result.interpretations ?? [];
  $('interpretations').replaceChildren(...interpretations.map((i) => {
    const li = document.createElement('li');
    li.append(msg(i));
    return withRule(li, i.rule);
  }));
  $('interpretations-box').hidden = !interpretations.length;
  renderBar();
  renderExampleNote(request);
}

/**
 * What to do next: with no notice in force, whom to ask and what the person can still
 * do; with a "no", what would change the answer, asked of the core itself.
 */
function renderNextSteps(noNotice, result, request, hide) {
  const steps = [];
  if (noNotice) {
    steps.push(msg(noNotice));
    steps.push(t('请向当地人社部门或公共就业服务机构咨询现在是否开展就业见习、按什么条件报名。',
      'Ask the local human resources and social security office or public employment service whether internships are offered now, and on what terms.'));
    steps.push(t('您填写的信息没有错误；收录新的通知后，本页会按新通知判断。', 'Nothing you entered is wrong; once a newer notice is added, this page will decide by it.'));
  } else if (!hide && result.eligible === false) {
    if (!request.registered_unemployed && !request.employed) {
      const variant = jianxi.evaluate({ ...request, registered_unemployed: true });
      if (variant.ok && !variant.errors.length && variant.eligible === true) {
        // The registration may open the youth route, or a graduate route that asks for it.
        const asYouth = variant.category === 'unemployed_youth';
        steps.push(t(`如果办理失业登记，按同一通知可以参加就业见习${asYouth ? '（作为登记失业青年）' : ''}。可到户籍地或常住地的公共就业服务机构办理。`,
          `If you register as unemployed, you would qualify under the same notice${asYouth ? ' (as a registered unemployed young person)' : ''}. Register at a public employment service office.`));
      }
    }
  }
  $('next-steps').replaceChildren(...steps.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  $('next-steps-box').hidden = !steps.length;
}

/** On a phone, the verdict stays in view at the bottom while the form is edited. */
function renderBar() {
  const text = $('verdict-text');
  const bar = $('verdict-bar-text');
  bar.textContent = text.textContent.replace(/[:：]$/, '');
  bar.dataset.eligible = text.dataset.eligible;
  bar.dataset.blocked = text.dataset.blocked;
  bar.dataset.waiting = text.dataset.waiting;
}

let verdictInView = true;
function watchVerdict() {
  const apply = () => { $('verdict-bar').hidden = verdictInView; };
  if (!('IntersectionObserver' in window)) return;
  new IntersectionObserver((entries) => {
    verdictInView = entries.some((e) => e.isIntersecting);
    apply();
  }).observe($('verdict-text'));
}

/** The example is labelled as such while the form still holds it unchanged. */
let exampleRead = null;
function renderExampleNote(request) {
  const same = Boolean(exampleRead) && JSON.stringify(request) === JSON.stringify(exampleRead);
  $('example-note').hidden = !same;
  document.body.dataset.example = String(same);
}

function evaluateNow() {
  const request = readRequest();
  save(PAGE, request);
  render(jianxi.evaluate(request), request);
}

const later = debounce(evaluateNow, 100);

async function loadExample() {
  example ??= await (await fetch('examples/eligibility.json')).json();
  return example;
}

async function start() {
  const started = performance.now();
  initLanguage(() => {
    fillFromCatalog();
    if (lastResult) render(lastResult, lastRequest);
  });
  [jianxi, rules] = await Promise.all([engine(), catalog({ sections: ['policies', 'vocabulary'] })]);
  learnNotices(rules.policies, rules.provinces);
  fillFromCatalog();
  const saved = load(PAGE);
  fillForm(saved ?? {});
  if (saved) {
    // Inputs kept from the example on an earlier visit are still labelled as the example.
    fillForm(await loadExample());
    exampleRead = readRequest();
    fillForm(saved);
  }
  watchVerdict();
  onRulesLoaded(evaluateNow);  // a province's rules arrived after the page asked
  // The ID number is checked on every keystroke, the rest after a short pause. A number
  // pasted with spaces (4301 0220 …) is kept whole and read without them.
  $('id_number').addEventListener('input', evaluateNow);
  $('province').addEventListener('change', () => { fillNotices(); fillPlaces(); });
  form.addEventListener('input', (e) => { if (e.target.id !== 'id_number') later(); });
  form.addEventListener('change', later);
  form.addEventListener('submit', (e) => e.preventDefault());
  $('load-example').addEventListener('click', async () => {
    fillForm(await loadExample());
    exampleRead = readRequest();
    evaluateNow();
    document.body.dataset.examples = String(Number(document.body.dataset.examples ?? 0) + 1);
  });
  $('clear').addEventListener('click', () => {
    fillForm({});
    evaluateNow();
  });
  evaluateNow();
  document.body.dataset.firstResultMs = String(Math.round(performance.now() - started));
  form.inert = false;
  form.classList.remove('loading');
  setText($('engine-status'), '可以开始填写。', 'Ready: fill in the form.');
  await initHandoff({ readRequest, evaluate: (r) => jianxi.evaluate(r), form });
  document.body.dataset.ready = 'true';
}

start().catch((err) => {
  console.warn(err);
  loadFailed($('engine-status'), form);
});
