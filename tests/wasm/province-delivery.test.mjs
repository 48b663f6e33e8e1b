// Rules delivered per province: a module that has loaded no province lists every
// notice and province, answers a synchronous request for a province with
// rules.not_loaded naming it (never a figure), and its async calls fetch the province
// and answer byte for byte as the module holding every province.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const build = join(root, process.env.JIANXI_BUILD_ROOT || 'build');
const { loadJianxi } = await import(join(build, 'wasm/jianxi.js'));
const wasmBinary = readFileSync(join(build, 'wasm/jianxi_module.wasm'));
const everything = await loadJianxi({ wasmBinary });

// jilin-2022#3.1: college graduates get 100% of the minimum wage; 四平市区 is tier 3 of
// the 2021-12-01 standard, 1640 a month: two months 3280.
const jilin = { kind: 'subsidy', province: 'jilin', as_of: '2022-09-01', place: '四平市',
  trainees: [{ category: 'college_graduate', start: '2022-09-01', end: '2022-10-31' }] };

test('with no province loaded, the whole catalog is the same and lists every province', async () => {
  const bare = await loadJianxi({ wasmBinary, provinces: [] });
  assert.ok(bare.provinces().every((p) => !p.loaded));
  const catalog = bare.evaluateText('{"kind":"catalog"}');
  assert.equal(catalog, everything.evaluateText('{"kind":"catalog"}'));
  const listed = new Set(JSON.parse(catalog).provinces.map((p) => p.id));
  for (const p of bare.provinces()) assert.ok(listed.has(p.id), p.id);
});

test('with no province loaded, every section a catalog gives without naming a province, and the policies kind, is the same', async () => {
  // The forms section lists each notice's declarations and forbidden requirements
  // (ningxia-2020#2 forbids a degree threshold, labelled 学历门槛) for every province.
  const bare = await loadJianxi({ wasmBinary, provinces: [] });
  for (const section of ['policies', 'vocabulary', 'templates', 'forms', 'findings', 'messages']) {
    const request = JSON.stringify({ kind: 'catalog', sections: [section] });
    assert.equal(bare.evaluateText(request), everything.evaluateText(request), section);
  }
  assert.equal(bare.evaluateText('{"kind":"policies"}'), everything.evaluateText('{"kind":"policies"}'));
  const forms = bare.evaluate({ kind: 'catalog', sections: ['forms'] }).forms;
  const ningxia = forms.find((f) => f.policies['ningxia-2020']).policies['ningxia-2020'];
  assert.equal(ningxia.forbidden_requirements.find((r) => r.kind === 'degree').label, '学历门槛');
});

test('a synchronous request for a province not loaded gets rules.not_loaded and no figure', async () => {
  const bare = await loadJianxi({ wasmBinary, provinces: [] });
  const answer = bare.evaluate(jilin);
  assert.equal(answer.ok, false);
  assert.deepEqual(answer.errors.map((e) => [e.code, e.path]), [['rules.not_loaded', '/province']]);
  assert.match(answer.errors[0].message, /吉林/);
  assert.deepEqual(answer.not_loaded, ['jilin']);
  assert.equal(answer.total, undefined);
  assert.equal(answer.by_item, undefined);
  const table = bare.evaluateTable({ policy: 'jilin-2022', template: 'mohrss-2022' }, { periods: [], values: [], indicators: 1 });
  assert.deepEqual(table.not_loaded, ['jilin']);
});

test('the async calls fetch what a request needs and answer as the module holding everything', async () => {
  const fetched = [];
  const bare = await loadJianxi({ wasmBinary, provinces: [],
    provinceFile: (id) => { fetched.push(id); return readFileSync(join(build, 'wasm/provinces', `${id}.json`)); } });
  const text = await bare.evaluateTextAsync(JSON.stringify(jilin));
  assert.equal(text, everything.evaluateText(JSON.stringify(jilin)));
  assert.equal(JSON.parse(text).by_item.position, 3280);
  assert.deepEqual(fetched, ['jilin']);
  // A batch over two provinces fetches the other one only; the first is kept.
  const batch = [jilin, { kind: 'catalog', policy: 'jiangxi-2023' }];
  assert.equal(await bare.evaluateTextAsync(JSON.stringify(batch)), everything.evaluateText(JSON.stringify(batch)));
  assert.deepEqual(fetched, ['jilin', 'jiangxi']);
  assert.deepEqual(bare.provinces().filter((p) => p.loaded).map((p) => p.id), ['jiangxi', 'jilin']);
});

test('a province file that cannot be fetched or read leaves the module as it was', async () => {
  let calls = 0;
  const bare = await loadJianxi({ wasmBinary, provinces: [], provinceFile: async () => {
    calls += 1;
    if (calls === 1) throw new Error('offline');
    return '{"province":"jilin","files":{"provinces/hunan/minimum-wage.json":{}}}';
  } });
  const offline = await bare.loadProvince('jilin');
  assert.equal(offline.ok, false);
  assert.match(offline.errors[0].message_en, /offline/);
  const broken = await bare.loadProvince('jilin');
  assert.equal(broken.ok, false);
  assert.equal(broken.errors[0].code, 'rules.invalid');
  assert.deepEqual(bare.evaluate(jilin).not_loaded, ['jilin']);
  assert.equal(bare.evaluateText('{"kind":"catalog"}'), everything.evaluateText('{"kind":"catalog"}'));
});

test('a province file whose rules are unsound is dropped at the next request; the module answers as before', async () => {
  let fetches = 0;
  const bare = await loadJianxi({ wasmBinary, provinces: [], provinceFile: async () => {
    fetches += 1;
    return '{"province":"jilin","files":{"provinces/jilin/minimum-wage.json":{"province":"jilin"}}}';
  } });
  assert.equal((await bare.loadProvince('jilin')).ok, true);  // well formed: taken in, checked when used
  assert.deepEqual(bare.evaluate(jilin).not_loaded, ['jilin']);
  assert.equal(bare.evaluateText('{"kind":"catalog"}'), everything.evaluateText('{"kind":"catalog"}'));
  assert.ok(bare.provinces().every((p) => !p.loaded));
  // Not fetched again: the async call answers as the synchronous one.
  assert.deepEqual((await bare.evaluateAsync(jilin)).not_loaded, ['jilin']);
  assert.equal(fetches, 1);
});

test('a province file provider that fails at once is asked again the next time', async () => {
  let calls = 0;
  const bare = await loadJianxi({ wasmBinary, provinces: [], provinceFile: (id) => {
    calls += 1;
    if (calls === 1) throw new Error('offline');
    return readFileSync(join(build, 'wasm/provinces', `${id}.json`));
  } });
  assert.equal((await bare.loadProvince('jilin')).ok, false);
  assert.equal((await bare.loadProvince('jilin')).ok, true);
  assert.equal(bare.evaluateText(JSON.stringify(jilin)), everything.evaluateText(JSON.stringify(jilin)));
});

test('a place in a province not loaded asks for that province, and once loaded answers as natively', async () => {
  const fetched = [];
  const bare = await loadJianxi({ wasmBinary, provinces: ['shanxi'],
    provinceFile: (id) => { fetched.push(id); return readFileSync(join(build, 'wasm/provinces', `${id}.json`)); } });
  // 四平市 is in 吉林, not in 山西: the module holds 吉林's divisions only once it is loaded,
  // so it names 吉林 as not loaded rather than calling the place unknown.
  const elsewhere = { ...jilin, province: undefined, policy: 'shanxi-2022' };
  const sync = bare.evaluate(elsewhere);
  assert.deepEqual(sync.errors.map((e) => [e.code, e.path]), [['rules.not_loaded', '/place']]);
  assert.deepEqual(sync.not_loaded, ['jilin']);
  const text = await bare.evaluateTextAsync(JSON.stringify(elsewhere));
  assert.equal(text, everything.evaluateText(JSON.stringify(elsewhere)));
  assert.deepEqual(JSON.parse(text).errors.map((e) => e.code), ['place.other_province']);
  assert.deepEqual(fetched, ['shanxi', 'jilin']);
});
