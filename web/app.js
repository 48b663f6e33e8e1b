// Loads the rule core and lists the notices it knows.
import { loadJianxi } from './jianxi.js';

const status = document.getElementById('status');
try {
  const jianxi = await loadJianxi();
  const result = jianxi.evaluate({ kind: 'policies' });
  const list = document.getElementById('policies');
  for (const p of result.policies) {
    const li = document.createElement('li');
    li.dataset.policy = p.id;
    li.textContent = `${p.province_zh}：${p.title}（${p.document ?? '无文号'}，${p.issued}）`;
    list.append(li);
  }
  status.textContent = `共 ${result.policies.length} 份通知`;
} catch (e) {
  status.textContent = `规则引擎加载失败：${e}`;
}
