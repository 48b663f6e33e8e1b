// The employer application form (`unit_application`): drawn from the core's catalog
// (its sections, fields and declarations) and checked through the embedding layer's
// attach(), as a provincial portal's own form would be: every input is mapped to its
// request path, each finding is shown beside the field it names, the rest in the
// form's general list.
import { attach } from '../embed/attach.js';
import { configureEngine } from '../embed/engine.js';
import { engine } from './engine.js';
import { findingItem } from './findings.js';
import { noticeLabel } from './policy-choice.js';
import { t, translateNew } from './i18n.js';
import { save } from './store.js';

const form = document.getElementById('app-form');
const $ = (id) => document.getElementById(id);
let checks;
let spec = { sections: [], declarations: [], policies: {} };
let onChecked = () => {};
let example = {};
/** Calls fn(request, result) after every check (the printed report follows the form). */
export const whenChecked = (fn) => { onChecked = fn; };
const lists = {};      // list section key -> <ol>
const rowFields = {};  // list section key -> fields

/** An element with Chinese text and its English in data-en, for the language switch. */
function labelled(tag, zh, en) {
  const el = document.createElement(tag);
  el.textContent = zh;
  if (en) el.dataset.en = en;
  return el;
}

/** The input for a field of the catalog's form, by its format. */
function inputFor(field) {
  if (field.format === 'long_text') {
    const area = document.createElement('textarea');
    area.className = 'long-text';
    area.rows = 4;
    if (field.required) area.setAttribute('aria-required', 'true');
    return area;
  }
  const input = document.createElement('input');
  if (field.format === 'count' || field.format === 'number' || field.format === 'money') {
    input.type = 'number';
    input.inputMode = field.format === 'count' ? 'numeric' : 'decimal';
    input.min = String(field.min ?? 0);
    input.dataset.type = 'number';
  } else if (field.format === 'phone') {
    input.type = 'tel';
    input.inputMode = 'tel';
  } else if (field.format === 'credit_code') {
    input.maxLength = 18;
    input.setAttribute('autocapitalize', 'characters');
    input.spellcheck = false;
  } else if (field.format === 'date') {
    input.type = 'date';
  }
  if (field.required) input.setAttribute('aria-required', 'true');
  return input;
}

function fieldBox(field) {
  const box = document.createElement('div');
  box.className = 'field';
  box.append(labelled('label', field.label, field.label_en), inputFor(field));
  return box;
}

function drawSections() {
  $('app-sections').replaceChildren(...spec.sections.map((section) => {
    const set = document.createElement('fieldset');
    set.append(labelled('legend', section.label, section.label_en));
    if (section.list) {
      set.dataset.path = `/${section.key}`;
      const ol = document.createElement('ol');
      ol.className = 'rows';
      ol.id = section.key;
      lists[section.key] = ol;
      rowFields[section.key] = section.fields;
      const add = labelled('button', `添加${section.label}`, `Add: ${section.label_en}`);
      add.type = 'button';
      add.id = `add-${section.key}`;
      add.addEventListener('click', () => { addRow(section.key).querySelector('input').focus(); check(); });
      set.append(ol, add);
      return set;
    }
    const grid = document.createElement('div');
    grid.className = 'grid';
    for (const field of section.fields) {
      const box = fieldBox(field);
      box.dataset.path = `/${section.key}/${field.key}`;
      const input = box.querySelector('input, textarea');
      input.id = `${section.key}-${field.key}`;
      input.dataset.key = `${section.key}.${field.key}`;
      box.querySelector('label').htmlFor = input.id;
      grid.append(box);
    }
    set.append(grid);
    return set;
  }));
}

/** Request path → input, for attach(): asked again at every check, as rows come and go. */
function fieldMap() {
  const fields = { '/policy': '#app-policy' };
  for (const input of form.querySelectorAll('[data-key]')) fields[`/${input.dataset.key.replace('.', '/')}`] = `#${input.id}`;
  for (const name of Object.keys(lists)) {
    [...lists[name].children].forEach((li, i) => {
      for (const input of li.querySelectorAll('[data-name]')) fields[`/${name}/${i}/${input.dataset.name}`] = `#${input.id}`;
    });
  }
  return fields;
}

/** The request the form stands for, as of the last check. */
export const readApplication = () => checks?.request ?? { kind: 'unit_application', policy: $('app-policy').value };

function renumber(name) {
  [...lists[name].children].forEach((li, i) => {
    for (const field of li.querySelectorAll('[data-field]')) {
      field.dataset.path = `/${name}/${i}/${field.dataset.field}`;
      const input = field.querySelector('input, textarea');
      input.id = `${name}-${i}-${field.dataset.field}`;
      field.querySelector('label').htmlFor = input.id;
    }
  });
}

function addRow(name, values = {}) {
  const li = document.createElement('li');
  const grid = document.createElement('div');
  grid.className = 'grid';
  for (const field of rowFields[name]) {
    const box = fieldBox(field);
    box.dataset.field = field.key;
    const input = box.querySelector('input, textarea');
    input.dataset.name = field.key;
    input.value = values[field.key] ?? '';
    grid.append(box);
  }
  const remove = labelled('button', '删除', 'Remove');
  remove.type = 'button';
  remove.className = 'remove';
  remove.addEventListener('click', () => { li.remove(); renumber(name); check(); });
  li.append(grid, remove);
  lists[name].append(li);
  renumber(name);
  translateNew();
  return li;
}

/**
 * Fills the form. Declarations are the unit's own legal statements: they are never
 * ticked by the page, whether from the example or from a kept draft.
 */
export function fillApplication(request) {
  if (request.policy) $('app-policy').value = request.policy;
  for (const input of form.querySelectorAll('[data-key]')) {
    const [group, key] = input.dataset.key.split('.');
    const v = group === 'declarations' ? false : request[group]?.[key];
    if (input.type === 'checkbox') input.checked = Boolean(v);
    else input.value = v ?? '';
  }
  for (const name of Object.keys(lists)) {
    lists[name].replaceChildren();
    for (const row of request[name] ?? []) addRow(name, row);
  }
}

/** Checks the form now; resolves to the core's result. */
export const check = () => checks.check();

// After every check: the draft is kept, the request shown, the printed report follows.
function afterCheck({ detail: { request, result } }) {
  save('portal.application', request);
  $('app-request').textContent = JSON.stringify(request, null, 1);
  showRequiredDeclarations(request.policy);
  const leftovers = exampleLeftovers(request);
  renderExampleNote(leftovers);
  onChecked(request, result, leftovers);
}

// One checkbox per declaration of the catalog's form.
function drawDeclarations() {
  $('declarations').replaceChildren(...spec.declarations.map(({ key, label, label_en: en }) => {
    const field = document.createElement('div');
    field.className = 'field';
    field.dataset.path = `/declarations/${key}`;
    const wrap = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.id = `declarations-${key}`;
    input.dataset.key = `declarations.${key}`;
    wrap.append(input, ' ', labelled('span', label, en));
    field.append(wrap);
    return field;
  }));
  translateNew();
}

// Only the declarations the chosen notice requires are shown (all of them when the
// catalog names none for it).
function showRequiredDeclarations(policy) {
  const required = new Set((spec.policies?.[policy]?.declarations_required ?? []).map((d) => d.key));
  for (const field of $('declarations').querySelectorAll('.field')) {
    const key = field.dataset.path.replace('/declarations/', '');
    field.hidden = required.size > 0 && !required.has(key);
  }
}

const labelOf = (section, key) => {
  const sec = spec.sections.find((x) => x.key === section);
  const field = sec?.fields.find((f) => f.key === key);
  return field ? t(field.label, field.label_en) : key;
};

/** The fields that still hold the example's text (names, codes, phones, posts, mentors). */
export function exampleLeftovers(request) {
  const left = [];
  for (const section of spec.sections) {
    const mine = request[section.key];
    const theirs = example[section.key];
    if (!mine || !theirs) continue;
    const rows = section.list ? mine.map((row, i) => [row, i]) : [[mine, -1]];
    for (const [row, i] of rows) {
      for (const [key, value] of Object.entries(row)) {
        if (typeof value !== 'string' || value.length < 2) continue;
        const same = section.list ? theirs.some((r) => r[key] === value) : theirs[key] === value;
        if (same) left.push(`${t(section.label, section.label_en)}${i >= 0 ? ` ${i + 1}` : ''}·${labelOf(section.key, key)}`);
      }
    }
  }
  return left;
}

function renderExampleNote(leftovers) {
  $('app-example-note').hidden = !leftovers.length;
  document.getElementById('application').dataset.example = String(leftovers.length > 0);
}

/** Draws the form the catalog describes, fills it from a kept draft or leaves it blank, and attaches the checks. */
let notices = [];
let provinceNames = [];

/** The notice chooser in the page's language (again after a language switch), keeping the choice. */
export function fillNotices() {
  const chosen = $('app-policy').value;
  $('app-policy').replaceChildren(...notices.map((p) => new Option(noticeLabel(p, provinceNames), p.id)));
  if (chosen) $('app-policy').value = chosen;
}

export async function initApplication(policyList, formSpec, saved, exampleRequest, provinces = []) {
  example = exampleRequest;
  spec = formSpec ?? spec;
  notices = policyList;
  provinceNames = provinces;
  fillNotices();
  drawSections();
  drawDeclarations();
  translateNew();
  fillApplication(saved ?? { policy: $('app-policy').value });
  form.addEventListener('jianxi-findings', afterCheck);
  // The page's own core: one module in the page, and each province fetched once.
  configureEngine({ core: engine() });
  // A checking page: every finding shows at once, and the form is never sent anywhere.
  checks = attach(form, {
    kind: 'unit_application', fields: fieldMap, summary: $('app-general'), showAll: true, warnOnly: true,
    throttle: 150, messageClass: 'beside', item: (finding) => findingItem(finding, finding.severity),
  });
  $('app-example').addEventListener('click', () => { fillApplication(example); check(); });
  $('app-clear-example').addEventListener('click', () => {
    fillApplication({ policy: $('app-policy').value });
    check();
    form.querySelector('input:not([type="checkbox"])')?.focus();
  });
  await checks.ready;
  await check();
}
