// How this portal's inputs (pinyin-abbreviation ids, as provincial portals name them)
// map to the rule core's request paths: the one thing a portal writes to use attach().
export const APPLICATION_FIELDS = {
  '/unit/name': '#dwmc',                 // 单位名称
  '/unit/credit_code': '#tyshxydm',      // 统一社会信用代码
  '/unit/staff_count': '#zgrs',          // 职工人数
  '/unit/industry': '#sshy',             // 所属行业
  '/unit/legal_rep': '#fddbr',           // 法定代表人
  '/unit/legal_rep_phone': '#fddbrdh',   // 法定代表人电话
  '/unit/contact': '#lxr',               // 联系人
  '/unit/contact_phone': '#lxdh',        // 联系电话
  '/unit/address': '#dwdz',              // 单位地址
  '/plan/positions': '#njhgws',          // 拟提供见习岗位数
  '/plan/trainees': '#njhjxrs',          // 拟接收见习人数
  '/positions/0/title': '#gwmc1',        // 岗位名称
  '/positions/0/count': '#gwsl1',        // 岗位数量
  '/positions/0/requirements': '#gwyq1', // 岗位要求
  '/positions/0/content': '#jxnr1',      // 见习内容
  '/positions/1/title': '#gwmc2',
  '/positions/1/count': '#gwsl2',
  '/positions/1/requirements': '#gwyq2',
  '/positions/1/content': '#jxnr2',
  '/mentors/0/name': '#dsxm1',           // 带教老师姓名
  '/mentors/0/phone': '#dsdh1',          // 带教老师电话
  '/mentors/0/role': '#dszw1',           // 带教老师职务
  '/declarations/registered_locally': '#cn_zc',          // 承诺：依法注册
  '/declarations/no_bad_credit': '#cn_xy',               // 无不良信用
  '/declarations/lawful_operation': '#cn_jy',            // 合法经营
  '/declarations/voluntary_and_managed': '#cn_zy',       // 自愿开展、有效管理
  '/declarations/hosts_at_least_one': '#cn_js',          // 接收至少1人
  '/declarations/supervisor_and_plan': '#cn_zd',         // 专人指导
  '/declarations/allowance_not_below_min_wage': '#cn_bz', // 生活费
  '/declarations/accident_insurance': '#cn_bx',          // 意外伤害保险
  '/declarations/labour_protection': '#cn_lb',           // 劳动保护
};

// The portal's application follows 江西 赣人社发〔2023〕9号; its monthly report, the
// template that notice prints.
export const POLICY = 'jiangxi-2023';
export const PROVINCE = 'jiangxi';
export const TEMPLATE = 'mohrss-2022';
