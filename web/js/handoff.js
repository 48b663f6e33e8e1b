// What a page gives a person to take away, beside the answer:
// - a link to come back to: the page's inputs encoded in the URL fragment (#s=…),
//   which browsers never send to a server; opening it restores the inputs. ID and
//   phone numbers stay out of the link unless the person ticks to include them (an
//   ID number is then replaced by the birth date it holds, so the answer is the same);
// - where to go next: the notice's official channel (service zone, documents asked
//   for, with its clause), from the catalog;
// - data as of: the notice and its dates, the rules' version, the minimum-wage
//   figures used with their dates, and what the answer does not cover.
// Importing this module restores a shared link before the page reads its saved inputs.
import { catalog, notice, onRulesLoaded } from './engine.js';
import { clauseButton } from './clauses.js';
import { msg, t } from './i18n.js';
import { save } from './store.js';

const PREFIX = '#s=';
const IDENTIFIER_KEYS = new Set(['id_number', 'phone', 'legal_rep_phone', 'contact_phone', 'mobile']);

const toBase64Url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (s) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** The fragment for a request: #s= and the request's JSON, UTF-8, base64url. */
export const encodeState = (request) => PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(request)));

/** The request a fragment holds, or null. */
export function decodeState(hash) {
  if (!hash?.startsWith(PREFIX)) return null;
  try {
    const value = JSON.parse(new TextDecoder().decode(fromBase64Url(hash.slice(PREFIX.length))));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** A copy of the request without ID or phone numbers (an ID number leaves its birth date). */
export function withoutIdentifiers(request) {
  const strip = (v) => {
    if (Array.isArray(v)) return v.map(strip);
    if (!v || typeof v !== 'object') return v;
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'id_number') {
        const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(String(x).replace(/\s/g, ''));
        if (m && !v.birth_date) out.birth_date = `${m[1]}-${m[2]}-${m[3]}`;
        continue;
      }
      if (IDENTIFIER_KEYS.has(k)) continue;
      out[k] = strip(x);
    }
    return out;
  };
  return strip(request);
}

const hasIdentifiers = (request) => JSON.stringify(withoutIdentifiers(request)) !== JSON.stringify(request);

const pageName = () => (location.pathname.split('/').pop() || 'index.html').replace(/\.html$/, '');

// A shared link wins over what this browser saved: the page then reads it as its saved inputs.
const shared = decodeState(location.hash);
if (shared) save(pageName(), shared);
export const restoredFromLink = Boolean(shared);
addEventListener('hashchange', () => { if (decodeState(location.hash)) location.reload(); });

// In English, names that exist only in Chinese (document numbers, the division data's
// source, service-zone names) are marked as Chinese, so that a screen reader reads them
// as such.
const chinese = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+(?:[\s\d]*[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+)*/gu;
function marked(text) {
  if (!document.documentElement.lang.startsWith('en')) return [text];
  const parts = [];
  let last = 0;
  for (const m of text.matchAll(chinese)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    const span = document.createElement('span');
    span.lang = 'zh-CN';
    span.textContent = m[0];
    parts.push(span);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.append(...marked(String(v)));
    else node.setAttribute(k, v);
  }
  for (const c of children)
    if (c != null && c !== false) node.append(...(typeof c === 'string' ? marked(c) : [c]));
  return node;
}

const tx = (text) => (text ? t(text.zh, text.en) : '');

/** The notice's official channel: zones (with links), where to apply, documents, clause. */
export function channelBlock(policy, result = {}) {
  if (!policy) {
    // Only the core's "no notice in force" means there is none; else none is chosen yet.
    const none = (result.errors ?? []).some((f) => f.code === 'policy.none_in_force');
    return el('p', { class: 'hint', text: none
      ? t('没有可依据的通知，本页无从给出办理渠道：请向当地人社部门或公共就业服务机构咨询。',
        'No notice applies, so there is no channel to show: ask the local human resources and social security bureau or public employment service.')
      : t('选定省份（或通知）和日期后，这里列出通知规定的办理渠道。', 'Once a province (or a notice) and a date are chosen, the notice\'s channel is listed here.') });
  }
  const ch = policy.channel;
  if (!ch) {
    return el('p', { class: 'hint', text: t('未收录该通知的申办渠道（通知全文未见）。', 'The notice\'s channel is not recorded (its full text was not seen).') });
  }
  const zones = el('ul', {}, ...ch.zones.map((z) => el('li', {}, tx(z.name),
    z.url ? ' ' : null, z.url ? el('a', { href: z.url, rel: 'noopener noreferrer', target: '_blank' }, z.url) : null,
    z.note ? el('span', { class: 'hint' }, ` ${tx(z.note)}`) : null)));
  const docs = ch.documents.length
    ? el('ol', {}, ...ch.documents.map((d) => el('li', { text: tx(d) })))
    : null;
  return el('div', { class: 'channel-body' },
    el('p', { text: tx(ch.where) }), zones,
    el('p', { class: 'label', text: t('须提交的材料：', 'Documents asked for:') }), docs,
    ch.documents_note ? el('p', { class: 'hint', text: tx(ch.documents_note) }) : null,
    el('p', {}, clauseButton(ch.rule)));
}

/**
 * "Data as of": the notice and its dates, the rules' version, the wage figures used, what is
 * not covered. `result.refused`: the page gives no figure for this answer (its errors, or
 * its own reason).
 */
export function asOfBlock(rules, policy, result = {}) {
  const items = [];
  if (policy) {
    const period = `${policy.effective_from} – ${policy.effective_to ?? t('未定', 'open')}`;
    const issued = t(policy.issued ? `${policy.issued}发布` : '发布日期未见', policy.issued ? `issued ${policy.issued}` : 'issue date not found');
    items.push(el('li', { text: t(`通知：${policy.title}${policy.document ? `（${policy.document}）` : ''}，${issued}，适用 ${period}`,
      `Notice: ${policy.title_en}${policy.document ? ` (${policy.document})` : ''}, ${issued}, in force ${period}`) }));
  }
  const divisions = rules.divisions_dataset ?? {};
  items.push(el('li', { text: t(`规则数据版本 ${String(rules.rules_version ?? '').slice(0, 12)}；行政区划：${divisions.data ?? ''}`,
    `Rules version ${String(rules.rules_version ?? '').slice(0, 12)}; divisions: ${divisions.data_en ?? ''}`) }));
  const trail = [];
  for (const s of result.min_wage_sources ?? []) {
    const unconfirmed = s.confidence !== 'high';
    const where = s.city ? [s.city, s.city_en ?? s.city] : [`第${s.tier}类`, `tier ${s.tier}`];  // a city's own figure has no tier
    items.push(el('li', { text: t(`最低工资：${where[0]} ${s.amount} 元/月，${s.effective} 起${s.date_confirmed === false ? '（日期未确认）' : ''}${unconfirmed ? '（未见官方原文，请核实）' : ''}`,
      `Minimum wage: ${where[1]}, ${s.amount} yuan a month from ${s.effective}${s.date_confirmed === false ? ' (date not confirmed)' : ''}${unconfirmed ? ' (not from an official text; check it)' : ''}`) }));
    trail.push(t(`${where[0]} ${s.amount} 元，可信度 ${s.confidence}：${s.source}`, `${where[1][0].toUpperCase()}${where[1].slice(1)}, ${s.amount} yuan, confidence ${s.confidence}: ${s.source}`));
  }
  const refused = Boolean(result.refused) || (result.errors ?? []).length > 0;
  // A refused answer covers nothing; its reason is already given beside the headline.
  const gaps = [];
  if (!refused) for (const u of result.unknown ?? policy?.unknown ?? []) gaps.push(msg(u));
  for (const f of refused ? [] : result.warnings ?? []) {
    if (['min_wage.unconfirmed', 'place.unknown', 'policy.none_in_force', 'policy.outside_effective_period',
      'policy.start_unconfirmed', 'policy.figure_caveat', 'min_wage.caveat', 'min_wage.area_caveat'].includes(f.code)) gaps.push(msg(f));
  }
  const list = el('ul', {}, ...items);
  const notCovered = gaps.length
    ? el('div', {}, el('p', { class: 'label', text: t('本次答复未涵盖或未能核实：', 'Not covered or not confirmed by this answer:') }), el('ul', {}, ...[...new Set(gaps)].map((g) => el('li', { text: g }))))
    : refused ? el('p', { class: 'hint', text: t('本次未能给出结果，原因见上。', 'This answer gives no result; the reason is above.') })
      : el('p', { class: 'hint', text: t('所选通知和地区、日期的规定均已收录。', 'Every provision for the chosen notice, place and date is covered.') });
  const sources = trail.length
    ? el('details', { class: 'sources' }, el('summary', { text: t('资料来源与可信度', 'Sources and confidence') }), el('ul', {}, ...trail.map((x) => el('li', { text: x }))))
    : null;
  if (sources) return el('div', {}, list, notCovered, sources);
  return el('div', {}, list, notCovered);
}

/**
 * Adds, after the page's result, a panel with the link to come back to, where to go
 * next and the data as of. readRequest() gives the page's inputs; evaluate(request)
 * the core's answer for them.
 */
export async function initHandoff({ readRequest, evaluate, form, after }) {
  const rules = await catalog();
  const panel = el('section', { class: 'handoff', 'aria-labelledby': 'handoff-title' });
  const title = el('h2', { id: 'handoff-title' });
  const linkBox = el('div', { class: 'share' });
  const include = el('input', { type: 'checkbox', id: 'share-identifiers' });
  const includeLabel = el('label', { for: 'share-identifiers' });
  const includeRow = el('p', { class: 'check-row' }, include, includeLabel);
  const output = el('input', { id: 'share-link', readonly: '', type: 'text' });
  const outputLabel = el('label', { for: 'share-link' });
  const copy = el('button', { type: 'button', id: 'share-copy' });
  const note = el('p', { class: 'hint', id: 'share-note' });
  linkBox.append(outputLabel, output, el('div', { class: 'actions' }, copy), includeRow, note);
  const channelTitle = el('h3');
  const channel = el('div', { id: 'channel' });
  const asOfTitle = el('h3');
  const asOf = el('div', { id: 'data-as-of' });
  panel.append(title, linkBox, channelTitle, channel, asOfTitle, asOf);
  (after ?? form).after(panel);

  let shown;  // the notice the panel is drawn for
  const update = () => {
    const request = readRequest();
    const safe = include.checked ? request : withoutIdentifiers(request);
    const url = new URL(location.href);
    url.hash = encodeState(safe);
    output.value = url.href;
    title.textContent = t('保存或分享', 'Keep or share');
    outputLabel.textContent = t('回到本页结果的链接（输入只保存在链接 # 之后，不会发送到服务器）', 'A link back to this answer (the inputs sit after # in the link and are never sent to a server)');
    copy.textContent = t('复制链接', 'Copy the link');
    includeLabel.textContent = t('链接中包含身份证号、电话号码', 'Include ID and phone numbers in the link');
    includeRow.hidden = !hasIdentifiers(request);
    note.textContent = hasIdentifiers(request) && !include.checked
      ? t('链接中不含身份证号和电话号码（身份证号只留下其中的出生日期）。', 'The link leaves out ID and phone numbers (an ID number leaves only its birth date).') : '';
    const result = evaluate(request);
    const id = result.policy ?? request.policy;
    shown = id;
    channelTitle.textContent = t('下一步：到哪里办理', 'Next: where to apply');
    asOfTitle.textContent = t('数据截至', 'Data as of');
    // The channel and what is not known come with the notice's own entry, asked once.
    notice(id).then((policy) => {
      if (shown !== id) return;
      channel.replaceChildren(channelBlock(policy, result));
      asOf.replaceChildren(asOfBlock(rules, policy, result));
    });
  };
  let timer;
  const later = () => { clearTimeout(timer); timer = setTimeout(update, 300); };
  form.addEventListener('input', later);
  form.addEventListener('change', later);
  form.addEventListener('click', later);
  include.addEventListener('change', update);
  copy.addEventListener('click', async () => {
    output.select();
    try { await navigator.clipboard.writeText(output.value); } catch { document.execCommand?.('copy'); }
    copy.textContent = t('已复制', 'Copied');
  });
  document.getElementById('lang-switch')?.addEventListener('click', () => setTimeout(update, 0));
  // A province's rules arriving can name the notice the panel speaks of.
  onRulesLoaded(update);
  update();
  return { update };
}
