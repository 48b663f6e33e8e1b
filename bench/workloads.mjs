// The benchmark requests: employer forms (valid and invalid), summary tables of
// 1k, 10k and 100k monthly reports, subsidy estimates for 1, 100 and 10,000
// interns, and one at a place written out in full. Deterministic, so runs compare.

const VALID_CREDIT_CODE = '91360100MA35XXXX0X';

export function creditCode(body17) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(body17[i]) * weights[i];
  return body17 + alphabet[(31 - (sum % 31)) % 31];
}

export function unitApplication(valid) {
  const form = {
    kind: 'unit_application', policy: 'jiangxi-2023',
    unit: {
      name: '南昌市示例科技有限公司', credit_code: creditCode('91360100MA35ABCD1'), staff_count: 120,
      industry: '软件和信息技术服务业', legal_rep: '张三', legal_rep_phone: '13800138000',
      contact: '李四', contact_phone: '0791-86383274', address: '江西省南昌市红谷滩区示例路1号',
    },
    plan: { positions: 5, trainees: 4 },
    positions: [
      { title: '软件测试见习', count: 3, requirements: '计算机相关专业优先', content: '功能测试与缺陷记录' },
      { title: '行政助理见习', count: 2, requirements: '无', content: '文件管理、会务' },
    ],
    mentors: [{ name: '王五', phone: '13900139000', role: '测试主管' }],
    declarations: { registered_locally: true, no_bad_credit: true, lawful_operation: true,
      voluntary_and_managed: true, hosts_at_least_one: true, supervisor_and_plan: true,
      allowance_not_below_min_wage: true, accident_insurance: true, labour_protection: true },
  };
  if (valid) return form;
  form.unit.credit_code = VALID_CREDIT_CODE;
  form.unit.legal_rep_phone = '1380013800';
  form.plan.trainees = 9;
  form.positions[0].count = 1.5;
  form.declarations.no_bad_credit = false;
  delete form.declarations.labour_protection;
  return form;
}

export function summaryTable(n) {
  const reports = [];
  for (let i = 0; i < n; i++) {
    const year = 2023 + Math.floor(i / 12) % 3;
    const month = (i % 12) + 1;
    const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
    const bad = i % 10 === 7;
    reports.push({
      period: `${year}-${String(month).padStart(2, '0')}`,
      unit: `unit-${Math.floor(i / 36)}`,
      submitted_on: `${next}-03`,
      values: { 1: 40, 2: 5, 3: 300, 4: 20, 5: 120, 6: bad ? 130 : 100, 7: 80, 8: 60,
        9: 30, 10: 25, 11: 20, 12: 4, 13: 90, 14: 12.5 + month },
    });
  }
  return { kind: 'summary_table', template: 'mohrss-2022', province: 'jiangxi', reports };
}

export function subsidy(n) {
  const trainees = [];
  for (let i = 0; i < n; i++) {
    const startMonth = 8 + (i % 4);
    trainees.push({
      category: i % 5 === 0 ? 'unemployed_youth' : 'college_graduate',
      start: `2023-${String(startMonth).padStart(2, '0')}-${i % 3 === 0 ? '15' : '01'}`,
      end: `2024-${String(startMonth - 6).padStart(2, '0')}-28`,
      retained: i % 2 === 0,
      insurance_premium: 120,
      ...(i % 7 === 0 ? { left_on: '2023-12-20' } : {}),
    });
  }
  return { kind: 'subsidy', policy: 'jiangxi-2023', min_wage: 1850, trainees };
}

// The place as a person writes it, province, city and county, rather than the county
// alone or its code: resolved by its heads, not by name.
export function subsidyAtPlaceInFull() {
  const { min_wage: _, ...request } = subsidy(1);
  return { ...request, place: '江西省南昌市东湖区' };
}

// JSON text with every character outside ASCII escaped (\uXXXX), as Python's json.dumps
// writes it by default: a portal's backend in Python sends its tables so.
export function asciiOnlyJson(request) {
  return JSON.stringify(request).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// A summary table whose units are named in Chinese.
export function summaryTableOfNamedUnits(n) {
  const table = summaryTable(n);
  for (const report of table.reports) report.unit = `南昌市示例单位${report.unit.slice(5)}`;
  return table;
}
