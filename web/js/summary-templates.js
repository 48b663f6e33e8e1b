// The indicators of the two monthly summary tables, as printed in the notices:
// the ministry's table (jiangxi-2023 annex 3, jilin-2022 annex 2: 14 indicators)
// and Ningxia's own (ningxia-2020 annex: 15). The checks themselves are the core's.
export const TEMPLATES = {
  'mohrss-2022': {
    relations: '1≥2，3≥4，5≥6≥7，8≥9+11，9≥10',
    indicators: [
      ['本期末实有见习单位总数', 'internship units at period end'],
      ['其中：本期新增见习单位数量', 'of which new this period'],
      ['本期末实有见习岗位总数', 'positions at period end'],
      ['其中：本期新增见习岗位数量', 'of which new this period'],
      ['本期计划组织见习人数', 'interns planned this period'],
      ['本期实际到岗人数', 'interns started this period'],
      ['其中：离校2年内未就业高校毕业生人数', 'of which graduates within 2 years'],
      ['本期完成见习人数', 'completed this period'],
      ['其中：被见习单位留用人数', 'of which kept on'],
      ['其中：离校2年内未就业高校毕业生人数', 'of which graduates within 2 years'],
      ['其他方式就业人数', 'employed otherwise'],
      ['本期非正常结束见习人数', 'ended abnormally this period'],
      ['本期末实有在岗见习人数', 'interns in post at period end'],
      ['本年累计各级财政实际拨付的见习补贴资金数（万元）', 'subsidy paid this year to date (10k yuan)'],
    ],
  },
  'ningxia-2020': {
    relations: '1≥2，3≥4，5≥6，6≥7+8，9≥10+11+12，10≥11',
    indicators: [
      ['本期末实有见习单位总数', 'internship units at period end'],
      ['本期新增见习单位数量', 'new units this period'],
      ['本期末实有见习岗位总数', 'positions at period end'],
      ['本期新增见习岗位数量', 'new positions this period'],
      ['本期计划组织见习人数', 'interns planned this period'],
      ['本月实际到岗人数', 'interns started this month'],
      ['其中：离校未就业高校毕业生人数', 'of which unemployed graduates'],
      ['其中：当年毕业高校毕业生', 'of which this year\'s graduates'],
      ['本月完成见习人数', 'completed this month'],
      ['其中：被见习单位留用人数', 'of which kept on'],
      ['其中：离校未就业高校毕业生人数', 'of which unemployed graduates'],
      ['其他方式就业人数', 'employed otherwise'],
      ['本月非正常结束见习人数', 'ended abnormally this month'],
      ['本期末实有在岗见习人数', 'interns in post at period end'],
      ['本年累计各级财政实际拨付的见习补贴资金数（万元）', 'subsidy paid this year to date (10k yuan)'],
    ],
  },
};
