// The portal page: loads the core once and sets up the two checked forms.
import { catalog, engine, markFirstResult, notice, onRulesLoaded } from './engine.js';
import { initLanguage, t, setText } from './i18n.js';
import { loadFailed } from './load-failure.js';
import { asOfBlock, channelBlock } from './handoff.js';
import { check, exampleLeftovers, fillNotices, initApplication, readApplication, whenChecked } from './portal-application.js';
import { initReport, updateReport } from './portal-print.js';
import { initSummary, redrawSummary } from './portal-summary.js';
import { load } from './store.js';
import { prefetchSpreadsheetLibraries } from './vendor-prefetch.js';

const status = document.getElementById('engine-status');

async function start() {
  const started = performance.now();
  initLanguage(() => { fillNotices(); check(); redrawSummary(); });
  onRulesLoaded(() => check());
  const [jianxi, rules] = await Promise.all([engine(), catalog({ sections: ['policies', 'forms', 'templates'] })]);
  const list = rules.policies;
  const [application, summary] = await Promise.all(['unit-application', 'summary-table']
    .map((name) => fetch(`examples/${name}.json`).then((r) => r.json())));
  const provinces = [...new Map(list.map((p) => [p.province, p.province_zh])).entries()]
    .map(([id, zh]) => [id, zh, rules.provinces.find((x) => x.id === id)?.name_en]);
  const form = rules.forms.find((f) => f.id === 'unit-application') ?? rules.forms[0];
  const channel = document.getElementById('app-channel');
  let shown;  // the notice the channel is drawn for
  whenChecked((request, result, leftovers) => {
    updateReport(request, result, leftovers);
    shown = request.policy;
    // The channel and what is not known come with the notice's own entry.
    notice(request.policy).then((policy) => {
      if (shown !== request.policy) return;
      const title = document.createElement('h3');
      title.textContent = t('下一步：到哪里办理', 'Next: where to apply');
      const asOf = document.createElement('h3');
      asOf.textContent = t('数据截至', 'Data as of');
      channel.replaceChildren(title, channelBlock(policy, result), asOf, asOfBlock(rules, policy, result));
    });
  });
  initReport(form, async () => {
    const result = await check();
    const request = readApplication();
    return { request, result, leftovers: exampleLeftovers(request) };
  });
  await initApplication(list, form, load('portal.application'), application, rules.provinces);
  await initSummary(jianxi, provinces, load('portal.summary'), summary, rules.templates);
  prefetchSpreadsheetLibraries(document.getElementById('summary-section'));
  document.body.dataset.firstResultMs = String(Math.round(performance.now() - started));
  const unsupported = jianxi.evaluate({ kind: 'summary_table' }).errors.some((f) => f.code === 'request.kind_unknown');
  if (unsupported) {
    setText(status, '注意：当前规则引擎版本尚不支持这两类表格的校验，下面显示的是引擎的答复。',
      'Note: this version of the rule engine cannot check these forms yet; what it answered is shown below.');
  } else {
    setText(status, '可以开始填写。', 'Ready: fill in the forms.');
  }
  markFirstResult();
  document.body.dataset.ready = 'true';
}

start().catch((err) => {
  console.warn(err);
  loadFailed(status);
});
