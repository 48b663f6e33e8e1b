// A module worker holding its own copy of the rule core, so that a large request
// (thousands of reports) is answered in one call, exactly as the CLI would answer
// it, without freezing the page.
import { loadJianxi } from '../jianxi.js';

const ready = loadJianxi();
self.onmessage = async ({ data }) => {
  const jianxi = await ready;
  self.postMessage({ id: data.id, text: jianxi.evaluateText(data.text) });
};
