// The same example portal as a Vue 3 page, as many provincial portals are built: Vue's
// runtime-only build (no template compiler, so no eval under the page's CSP) with
// render functions. The inputs are Vue's (their values live in reactive state); the
// Jianxi layer attaches to the rendered form once it is mounted, detaches before it is
// unmounted, and its custom elements are used like any element.
import { createApp, h, onBeforeUnmount, onMounted, reactive, ref } from './lib/vue.runtime.esm-browser.prod.js';
import { attach, checkTable, markTable } from '../../embed/index.js';
import { APPLICATION_FIELDS, POLICY, PROVINCE, TEMPLATE } from './fields.js';
import { keepOffline } from './offline.js';

const UNIT = [
  ['dwmc', '单位名称', 'Unit name'], ['tyshxydm', '统一社会信用代码', 'Unified social credit code'],
  ['zgrs', '职工人数', 'Staff'], ['sshy', '所属行业', 'Industry'], ['fddbr', '法定代表人', 'Legal representative'],
  ['fddbrdh', '法定代表人电话', 'Legal representative\'s phone'], ['lxr', '联系人', 'Contact person'],
  ['lxdh', '联系电话', 'Contact phone'], ['dwdz', '单位地址', 'Address'],
];
const PLAN = [['njhgws', '拟提供见习岗位数', 'Positions offered'], ['njhjxrs', '拟接收见习人数', 'Interns planned']];
const POSITION = (n) => [[`gwmc${n}`, '岗位名称', 'Position title'], [`gwsl${n}`, '岗位数量', 'Number of places'],
  [`gwyq${n}`, '岗位要求', 'Requirements'], [`jxnr${n}`, '见习内容', 'What the intern does']];
const MENTOR = [['dsxm1', '姓名', 'Name'], ['dsdh1', '联系电话', 'Phone'], ['dszw1', '职务', 'Role']];
const DECLARATIONS = [
  ['cn_zc', '在本辖区（本省）依法成立（注册、登记）', 'Lawfully registered in the province'],
  ['cn_xy', '无不良信用记录', 'No bad credit record'],
  ['cn_jy', '合法经营', 'Lawful operation'],
  ['cn_zy', '自愿开展见习工作，遵守见习管理制度，提供必要条件并有效管理', 'Hosts interns voluntarily and manages the internships'],
  ['cn_js', '每年提供见习岗位，并接收至少1人见习', 'Offers positions every year and takes at least one intern'],
  ['cn_zd', '有专人负责见习指导，有完备的见习计划', 'A named person guides the interns; a complete internship plan'],
  ['cn_bz', '按时发放基本生活费，不低于当地最低工资标准', 'Pays the living allowance on time, not below the local minimum wage'],
  ['cn_bx', '为见习人员购买人身意外伤害保险', 'Buys accident insurance for the interns'],
  ['cn_lb', '有符合国家规定的劳动保护措施和劳动安全卫生条件', 'Labour protection and safety conditions as the state requires'],
];
const TABLE_ROWS = [1, 2];
const TABLE_COLUMNS = [['bgq', '报告期', 'Period'], ['bsrq', '报送日期', 'Submitted on'],
  ...Array.from({ length: 14 }, (_, i) => [String(i + 1), String(i + 1), String(i + 1)])];

const App = {
  setup() {
    const lang = ref(new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh');
    const t = (zh, en) => (lang.value === 'en' ? en : zh);
    const values = reactive({});
    const said = ref('');
    const form = ref(null);
    const table = ref(null);
    let checks;
    let unmark = () => {};
    let pending;
    const setLang = (value) => {
      lang.value = value;
      document.documentElement.lang = value === 'en' ? 'en' : 'zh-CN';
    };
    setLang(lang.value);

    onMounted(async () => {
      checks = attach(form.value, { kind: 'unit_application', policy: POLICY, fields: APPLICATION_FIELDS, summary: '#sqb-hz' });
      form.value.addEventListener('jianxi-findings', (event) => {
        document.body.dataset.errors = String(event.detail.errors.length);
        if (event.detail.errors.length) said.value = '';
      });
      await checks.ready;
      document.body.dataset.ready = 'true';
      keepOffline().catch(() => {});
    });
    onBeforeUnmount(() => { checks?.detach(); unmark(); });

    async function checkMonthly() {
      const answer = await checkTable(table.value, { template: TEMPLATE, province: PROVINCE });
      unmark();
      unmark = markTable(table.value, answer, { summary: '#ybb-hz' });
      table.value.dataset.findings = String(answer.findings.length);
    }

    const input = ([id, zh, en], type = 'text') => h('div', { class: 'xm' }, [
      h('label', { for: id }, t(zh, en)),
      h('input', { id, name: id, type, value: values[id] ?? '', onInput: (e) => { values[id] = e.target.value; } }),
    ]);
    const group = (legend, items) => h('fieldset', null, [h('legend', null, legend), ...items]);
    const declaration = ([id, zh, en]) => h('div', { class: 'gx' }, [
      h('input', { id, name: id, type: 'checkbox', checked: Boolean(values[id]), onChange: (e) => { values[id] = e.target.checked; } }),
      ' ', h('label', { for: id }, t(zh, en)),
    ]);
    const filled = () => Object.values(values).filter((v) => v !== '' && v !== false).length;

    return () => [
      h('header', { class: 'mh' }, [
        h('p', { class: 'mh-name' }, t('示例省人社一网通办 · 就业见习专区（Vue 3）', 'Example provincial HR service portal · Employment internships (Vue 3)')),
        h('button', { type: 'button', id: 'yyqh', lang: lang.value === 'en' ? 'zh-CN' : 'en', onClick: () => setLang(lang.value === 'en' ? 'zh' : 'en') },
          lang.value === 'en' ? '中文' : 'English'),
      ]),
      h('main', { id: 'zw' }, [
        h('h1', null, t('见习单位申请', 'Internship unit application')),
        h('p', { class: 'sm', id: 'ytx' }, t(`Vue 管理的表单，已填 ${filled()} 项；校验由 Jianxi 规则引擎在本浏览器内完成。`,
          `A form Vue manages, ${filled()} entries filled; the Jianxi rule core checks it in this browser.`)),
        h('form', {
          id: 'sqb', action: '#', novalidate: true, ref: form,
          onSubmit: (event) => { event.preventDefault(); said.value = t('申请已提交。', 'Application submitted.'); },
        }, [
          h('jianxi-findings', { id: 'sqb-hz' }),
          group(t('单位基本情况', 'Unit'), UNIT.map((f) => input(f, /dh$/.test(f[0]) ? 'tel' : 'text'))),
          group(t('本年度见习计划', 'This year\'s plan'), PLAN.map((f) => input(f))),
          ...[1, 2].map((n) => group(t(`见习岗位${n}`, `Position ${n}`), POSITION(n).map((f) => input(f)))),
          group(t('带教老师', 'Mentor'), MENTOR.map((f) => input(f, f[0] === 'dsdh1' ? 'tel' : 'text'))),
          group(t('单位承诺', 'The unit declares'), DECLARATIONS.map(declaration)),
          h('div', { class: 'an' }, [h('button', { type: 'submit', id: 'tj' }, t('提交申请', 'Submit the application'))]),
          h('p', { id: 'tjzt', role: 'status' }, said.value),
        ]),
        h('h2', { id: 'ybb-bt' }, t('月度汇总表', 'Monthly summary table')),
        h('jianxi-findings', { id: 'ybb-hz' }),
        h('div', { class: 'gd' }, [h('table', {
          id: 'ybb', ref: table, 'aria-labelledby': 'ybb-bt',
          onInput: () => { clearTimeout(pending); pending = setTimeout(checkMonthly, 200); },
        }, [
          h('thead', null, [h('tr', null, TABLE_COLUMNS.map(([, zh, en]) => h('th', { scope: 'col' }, t(zh, en))))]),
          h('tbody', null, TABLE_ROWS.map((r) => h('tr', null, TABLE_COLUMNS.map(([key, zh, en]) => h('td', null, [
            h('input', { id: `ybb_${r}_${key.replace(/^(\d+)$/, '$1')}`, 'aria-label': t(`第${r}行 ${/^\d/.test(key) ? `指标${key}` : zh}`, `Row ${r} ${/^\d/.test(key) ? `indicator ${key}` : en}`) }),
          ]))))),
        ])]),
        h('h2', null, t('补贴测算', 'What your unit may receive')),
        h('jianxi-estimate', { province: PROVINCE, place: '南昌市' }),
        h('h2', null, t('见习资格自查', 'Do you qualify?')),
        h('jianxi-eligibility', { province: PROVINCE }),
      ]),
    ];
  },
};

createApp(App).mount('#app');
