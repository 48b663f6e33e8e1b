// The example portal's script: one attach() for the application form, checkTable()
// for the monthly table, and its own submit handler, which runs only once the
// checks pass.
import { attach, checkTable, markTable } from '../../embed/index.js';
import { APPLICATION_FIELDS, POLICY, PROVINCE, TEMPLATE } from './fields.js';
import { keepOffline } from './offline.js';
import { languageSwitch } from './page-language.js';

languageSwitch();
const form = document.getElementById('sqb');
const said = document.getElementById('tjzt');

const checks = attach(form, { kind: 'unit_application', policy: POLICY, fields: APPLICATION_FIELDS, summary: '#sqb-hz' });

// The portal's own submission (here it only says so): reached only without errors.
form.addEventListener('submit', (event) => {
  event.preventDefault();
  said.textContent = document.documentElement.lang === 'en' ? 'Application submitted.' : '申请已提交。';
});
form.addEventListener('jianxi-findings', (event) => {
  document.body.dataset.errors = String(event.detail.errors.length);
  if (event.detail.errors.length) said.textContent = '';
});

const table = document.getElementById('ybb');
let unmark = () => {};
let pending;
async function checkMonthly() {
  const answer = await checkTable(table, { template: TEMPLATE, province: PROVINCE });
  unmark();
  unmark = markTable(table, answer, { summary: '#ybb-hz' });
  table.dataset.findings = String(answer.findings.length);
}
table.addEventListener('input', () => {
  clearTimeout(pending);
  pending = setTimeout(checkMonthly, 200);
});

await checks.ready;
document.body.dataset.ready = 'true';
keepOffline().catch(() => {});
