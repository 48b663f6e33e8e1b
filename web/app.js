// Home page: loads the rule core and lists the notices it knows.
import { catalog, markFirstResult } from './js/engine.js';
import { initLanguage, lang, setText } from './js/i18n.js';

const status = document.getElementById('status');
let list = [];
let provinces = [];

const unconfirmed = (p) => p.effective_from_confirmed === false;

function render() {
  const ul = document.getElementById('policies');
  ul.replaceChildren(...list.map((p) => {
    const li = document.createElement('li');
    li.dataset.policy = p.id;
    if (lang() !== 'en') {
      li.textContent = `${p.province_zh}：${p.title}（${p.document ?? '无文号'}，${p.effective_from} 起施行${unconfirmed(p) ? '，日期未确认' : ''}）`;
      return li;
    }
    // In English the document number stays as printed, marked as Chinese.
    const doc = document.createElement('span');
    doc.lang = 'zh-CN';
    doc.textContent = p.document ?? '';
    const province = provinces.find((x) => x.id === p.province)?.name_en ?? p.province;
    li.append(`${province}: ${p.title_en} (`, ...(p.document ? [doc, ', '] : ['no number, ']), `in force from ${p.effective_from}${unconfirmed(p) ? ', date not confirmed' : ''})`);
    return li;
  }));
  setText(status, `共 ${list.length} 份通知`, `${list.length} notices`);
}

initLanguage(render);
try {
  ({ policies: list, provinces } = await catalog({ sections: ['policies'] }));
  render();
  markFirstResult();
  document.body.dataset.ready = 'true';
} catch (e) {
  setText(status, `规则引擎加载失败：${e}`, `The rule engine failed to load: ${e}`);
}
