// The JavaScript peer the wasm core is measured against: the same checks written
// the usual way in a web portal, ajv 8 (schema compiled once, allErrors) for the
// shapes and formats plus hand-written checks for what a schema cannot say
// (check characters, sums, the printed relations, year-to-date order).
import Ajv from 'ajv';

const ajv = new Ajv({ allErrors: true });

const phone = { type: 'string', pattern: '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?)$' };
const count = { type: 'integer', minimum: 0 };
const formSchema = {
  type: 'object',
  required: ['unit', 'plan', 'positions', 'mentors', 'declarations'],
  properties: {
    unit: {
      type: 'object',
      required: ['name', 'credit_code', 'staff_count', 'industry', 'legal_rep', 'legal_rep_phone', 'contact', 'contact_phone', 'address'],
      properties: {
        name: { type: 'string', minLength: 1 }, credit_code: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' },
        staff_count: count, industry: { type: 'string', minLength: 1 }, legal_rep: { type: 'string', minLength: 1 },
        legal_rep_phone: phone, contact: { type: 'string', minLength: 1 }, contact_phone: phone,
        address: { type: 'string', minLength: 1 },
      },
    },
    plan: { type: 'object', required: ['positions', 'trainees'], properties: { positions: { type: 'integer', minimum: 1 }, trainees: { type: 'integer', minimum: 1 } } },
    positions: { type: 'array', minItems: 1, items: { type: 'object', required: ['title', 'count', 'content'], properties: { title: { type: 'string', minLength: 1 }, count: { type: 'integer', minimum: 1 }, requirements: { type: 'string' }, content: { type: 'string', minLength: 1 } } } },
    mentors: { type: 'array', minItems: 1, items: { type: 'object', required: ['name', 'phone'], properties: { name: { type: 'string', minLength: 1 }, phone, role: { type: 'string' } } } },
    declarations: { type: 'object', additionalProperties: { const: true } },
  },
};
const validateForm = ajv.compile(formSchema);

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCodeOk(code) {
  if (typeof code !== 'string' || code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(code[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31] === code[17];
}

export function checkForm(form) {
  const findings = [];
  if (!validateForm(form)) for (const e of validateForm.errors) findings.push({ path: e.instancePath, code: e.keyword });
  if (!creditCodeOk(form.unit?.credit_code)) findings.push({ path: '/unit/credit_code', code: 'checksum' });
  if (form.plan && form.plan.trainees > form.plan.positions) findings.push({ path: '/plan/trainees', code: 'above_positions' });
  const sum = (form.positions || []).reduce((s, p) => s + (Number(p.count) || 0), 0);
  if (form.plan && sum !== form.plan.positions) findings.push({ path: '/positions', code: 'sum' });
  return findings;
}

const indicators = {};
for (let i = 1; i <= 14; i++) indicators[i] = i === 14 ? { type: 'number', minimum: 0, multipleOf: 0.0001 } : count;
const reportSchema = {
  type: 'object', required: ['period', 'values'],
  properties: { period: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }, submitted_on: { type: 'string', format: undefined, pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    values: { type: 'object', required: Object.keys(indicators), properties: indicators } },
};
const validateReport = ajv.compile(reportSchema);
const relations = [[[1], [2]], [[3], [4]], [[5], [6]], [[6], [7]], [[8], [9, 11]], [[9], [10]]];

export function checkSummaryTable(table) {
  const findings = [];
  const lastYtd = new Map();
  table.reports.forEach((r, i) => {
    if (!validateReport(r)) for (const e of validateReport.errors) findings.push({ path: `/reports/${i}${e.instancePath}`, code: e.keyword });
    const v = r.values || {};
    for (const [left, right] of relations) {
      const l = left.reduce((s, k) => s + v[k], 0), rr = right.reduce((s, k) => s + v[k], 0);
      if (!(l >= rr)) findings.push({ path: `/reports/${i}/values/${left[0]}`, code: 'relation', message: `${left.join('+')} (${l}) ≥ ${right.join('+')} (${rr}) fails by ${rr - l}` });
    }
    const key = `${r.unit}|${r.period.slice(0, 4)}`;
    if (lastYtd.has(key) && v[14] < lastYtd.get(key)) findings.push({ path: `/reports/${i}/values/14`, code: 'ytd_falls' });
    lastYtd.set(key, v[14]);
  });
  return findings;
}
