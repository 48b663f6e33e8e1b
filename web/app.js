// Home page: loads the rule core and lists the notices it knows.
import { engine, markFirstResult } from './js/engine.js';
import { initLanguage, lang, setText } from './js/i18n.js';

const status = document.getElementById('status');
let list = [];

function render() {
  const ul = document.getElementById('policies');
  ul.replaceChildren(...list.map((p) => {
    const li = document.createElement('li');
    li.dataset.policy = p.id;
    if (lang() !== 'en') {
      li.textContent = `${p.province_zh}：${p.title}（${p.document ?? '无文号'}，${p.issued}）`;
      return li;
    }
    // In English the document number stays as printed, marked as Chinese.
    const doc = document.createElement('span');
    doc.lang = 'zh-CN';
    doc.textContent = p.document ?? '';
    li.append(`${p.province[0].toUpperCase()}${p.province.slice(1)}: ${p.title_en} (`, ...(p.document ? [doc, ', '] : ['no number, ']), `${p.issued})`);
    return li;
  }));
  setText(status, `共 ${list.length} 份通知`, `${list.length} notices`);
}

initLanguage(render);
try {
  const jianxi = await engine();
  list = jianxi.evaluate({ kind: 'policies' }).policies;
  render();
  markFirstResult();
  document.body.dataset.ready = 'true';
} catch (e) {
  setText(status, `规则引擎加载失败：${e}`, `The rule engine failed to load: ${e}`);
}
