// The packed npm tarball of the wasm core: its files (the embedding layer's among them) and exports map, then installed
// into an empty temporary project (offline) and asked, by package name, from Node;
// the answers are the CLI's.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const build = join(root, process.env.JIANXI_BUILD_ROOT || 'build');
const tarballs = readdirSync(join(build, 'npm')).filter((f) => /^jianxi-core-.*\.tgz$/.test(f));
const tarball = join(build, 'npm', tarballs[0]);
const project = mkdtempSync(join(tmpdir(), 'jianxi-npm-'));
after(() => rmSync(project, { recursive: true, force: true }));

function cliAnswer(requestText) {
  try {
    return execFileSync(join(build, 'native/jianxi'), { input: requestText }).toString();
  } catch (e) {
    if (e.status === 2) return e.stdout.toString();
    throw e;
  }
}

test("the tarball holds the module, its wasm, the provinces' rules, the API, the types and an exports map", () => {
  assert.equal(tarballs.length, 1);
  const files = execFileSync('tar', ['-tzf', tarball]).toString().trim().split('\n').sort();
  const provinceFile = /^package\/provinces\/[^/]+\.json$/;
  const embed = readdirSync(join(root, 'web/embed')).map((f) => `package/embed/${f}`);
  assert.deepEqual(files.filter((f) => !provinceFile.test(f)), ['package/README.md', ...embed, 'package/embed/embed.d.ts', 'package/index.js', 'package/jianxi.d.ts',
    'package/jianxi.js', 'package/jianxi_module.mjs', 'package/jianxi_module.wasm', 'package/js/i18n.js', 'package/js/plain.js',
    'package/js/table-columns.js', 'package/js/table-import.js', 'package/node.js', 'package/package.json'].sort());
  for (const { id } of JSON.parse(cliAnswer('{"kind":"catalog"}')).provinces)
    assert.ok(files.includes(`package/provinces/${id}.json`), id);
  const pkg = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json']).toString());
  assert.equal(pkg.name, 'jianxi-core');
  assert.deepEqual(pkg.exports['.'], { types: './jianxi.d.ts', node: './node.js', default: './index.js' });
  assert.deepEqual(pkg.exports['./embed'], { types: './embed/embed.d.ts', default: './embed/index.js' });
  const project = readFileSync(join(root, 'CMakeLists.txt'), 'utf8').match(/project\(jianxi VERSION ([\d.]+)/)[1];
  assert.equal(pkg.version, project);
});

test('installed from the tarball, it answers by package name as the CLI does', () => {
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', tarball], { cwd: project });
  const requests = [
    '{"kind":"policies"}',
    '{"kind":"subsidy","policy":"jiangxi-2023","city":"南昌市","trainees":[{"category":"college_graduate","start":"2023-09-01","end":"2024-02-29","insurance_premium":120}]}',
    '{bad',
  ];
  writeFileSync(join(project, 'requests.json'), JSON.stringify(requests));
  writeFileSync(join(project, 'main.js'), `
    import { readFileSync } from 'node:fs';
    import { createRequire } from 'node:module';
    import { loadJianxi } from 'jianxi-core';
    const jianxi = await loadJianxi();
    const requests = JSON.parse(readFileSync('requests.json', 'utf8'));
    const wasmPath = createRequire(import.meta.url).resolve('jianxi-core/jianxi_module.wasm');
    const object = jianxi.evaluate({ kind: 'policies' });
    console.log(JSON.stringify({ answers: requests.map((r) => jianxi.evaluateText(r)), wasmPath, ok: object.ok }));
  `);
  const out = JSON.parse(execFileSync('node', ['main.js'], { cwd: project }).toString());
  assert.equal(out.ok, true);
  assert.match(out.wasmPath, /node_modules\/jianxi-core\/jianxi_module\.wasm$/);
  for (const [i, request] of requests.entries()) assert.equal(out.answers[i] + '\n', cliAnswer(request), request);
});
