// The employer application form (`unit_application`): read on every keystroke into
// a request, checked by the core, each finding shown beside the field it names.
import { showFindings } from './findings.js';
import { debounce } from './format.js';
import { translateNew } from './i18n.js';
import { save } from './store.js';

const form = document.getElementById('app-form');
const lists = { positions: document.getElementById('positions'), mentors: document.getElementById('mentors') };
const templates = { positions: 'position-template', mentors: 'mentor-template' };
let jianxi;

const valueOf = (input) => {
  if (input.type === 'checkbox') return input.checked;
  if (input.dataset.type === 'number') return input.value === '' ? undefined : Number(input.value);
  return input.value.trim() === '' ? undefined : input.value.trim();
};

export function readApplication() {
  const request = { kind: 'unit_application', policy: document.getElementById('app-policy').value,
    unit: {}, plan: {}, positions: [], mentors: [], declarations: {} };
  for (const input of form.querySelectorAll('[data-key]')) {
    const [group, key] = input.dataset.key.split('.');
    const v = valueOf(input);
    if (v !== undefined) request[group][key] = v;
  }
  for (const name of Object.keys(lists)) {
    request[name] = [...lists[name].children].map((li) => {
      const row = {};
      for (const input of li.querySelectorAll('[data-name]')) {
        const v = valueOf(input);
        if (v !== undefined) row[input.dataset.name] = v;
      }
      return row;
    });
  }
  return request;
}

function renumber(name) {
  [...lists[name].children].forEach((li, i) => {
    for (const field of li.querySelectorAll('[data-field]')) {
      field.dataset.path = `/${name}/${i}/${field.dataset.field}`;
      const input = field.querySelector('input');
      input.id = `${name}-${i}-${field.dataset.field}`;
      field.querySelector('label').htmlFor = input.id;
    }
  });
}

function addRow(name, values = {}) {
  const li = document.getElementById(templates[name]).content.firstElementChild.cloneNode(true);
  for (const input of li.querySelectorAll('[data-name]')) input.value = values[input.dataset.name] ?? '';
  li.querySelector('.remove').addEventListener('click', () => { li.remove(); renumber(name); check(); });
  lists[name].append(li);
  renumber(name);
  translateNew();
  return li;
}

export function fillApplication(request) {
  if (request.policy) document.getElementById('app-policy').value = request.policy;
  for (const input of form.querySelectorAll('[data-key]')) {
    const [group, key] = input.dataset.key.split('.');
    const v = request[group]?.[key];
    if (input.type === 'checkbox') input.checked = Boolean(v);
    else input.value = v ?? '';
  }
  for (const name of Object.keys(lists)) {
    lists[name].replaceChildren();
    for (const row of request[name] ?? []) addRow(name, row);
  }
}

export function check() {
  const request = readApplication();
  save('portal.application', request);
  document.getElementById('app-request').textContent = JSON.stringify(request, null, 1);
  const result = jianxi.evaluate(request);
  showFindings(form, result, document.getElementById('app-general'));
  showRequiredDeclarations(result.conditions);
  form.dataset.checked = String(result.errors.length + result.warnings.length);
  return result;
}

// One checkbox per declaration the form rules name (rules/forms/unit-application.json);
// the core says which of them the chosen notice requires.
function drawDeclarations(declarations) {
  const box = document.getElementById('declarations');
  box.replaceChildren(...Object.entries(declarations).map(([key, label]) => {
    const field = document.createElement('div');
    field.className = 'field';
    field.dataset.path = `/declarations/${key}`;
    const wrap = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.dataset.key = `declarations.${key}`;
    const text = document.createElement('span');
    text.textContent = label.zh;
    text.dataset.en = label.en;
    wrap.append(input, ' ', text);
    field.append(wrap);
    return field;
  }));
  translateNew();
}

// Only the conditions the chosen notice sets are shown (all of them when the core
// could not tell which notice applies).
function showRequiredDeclarations(conditions) {
  const required = new Set((conditions ?? []).map((c) => c.key));
  for (const field of document.querySelectorAll('#declarations .field')) {
    const key = field.dataset.path.replace('/declarations/', '');
    field.hidden = required.size > 0 && !required.has(key);
  }
}

export function initApplication(engine, policyList, formRules, saved, example) {
  jianxi = engine;
  document.getElementById('app-policy').replaceChildren(
    ...policyList.map((p) => new Option(`${p.province_zh} ${p.id}`, p.id)));
  drawDeclarations(formRules.declarations ?? {});
  fillApplication(saved ?? example);
  const later = debounce(check, 150);
  form.addEventListener('input', later);
  form.addEventListener('change', later);
  document.getElementById('add-position').addEventListener('click', () => { addRow('positions').querySelector('input').focus(); later(); });
  document.getElementById('add-mentor').addEventListener('click', () => { addRow('mentors').querySelector('input').focus(); later(); });
  document.getElementById('app-example').addEventListener('click', () => { fillApplication(example); check(); });
  check();
}
