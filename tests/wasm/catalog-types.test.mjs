// The module's jianxi.d.ts names what the catalog lists: its FindingCode union (written in at
// build time from rules/findings/codes.json) is exactly the catalog's finding codes, and the
// vocabulary unions are exactly the catalog's ids.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const build = join(root, process.env.JIANXI_BUILD_ROOT || 'build');
const { loadJianxi } = await import(join(build, 'wasm/jianxi.js'));
const jianxi = await loadJianxi({ wasmBinary: readFileSync(join(build, 'wasm/jianxi_module.wasm')) });
const catalog = jianxi.evaluate({ kind: 'catalog', sections: ['vocabulary', 'findings'] });
const types = readFileSync(join(build, 'wasm/jianxi.d.ts'), 'utf8');

/** The string literals of `export type Name = 'a' | 'b' …;` in the .d.ts. */
function union(name) {
  const found = types.match(new RegExp(`export type ${name} =([^;]*);`));
  assert.ok(found, `jianxi.d.ts declares ${name}`);
  return [...found[1].matchAll(/'([^']+)'/g)].map((m) => m[1]).sort();
}

test('the catalog answers', () => {
  assert.equal(catalog.ok, true);
  assert.ok(catalog.findings.length > 0);
});

test('CatalogSection is exactly the sections the catalog offers', () => {
  assert.deepEqual(union('CatalogSection'), [...catalog.sections].sort());
});

test('FindingCode is exactly the catalog\'s finding codes', () => {
  const codes = catalog.findings.map((f) => f.code).sort();
  const typed = union('FindingCode');
  assert.deepEqual(typed.filter((c) => !codes.includes(c)), [], 'typed but not in the catalog');
  assert.deepEqual(codes.filter((c) => !typed.includes(c)), [], 'in the catalog but not typed');
  assert.equal(new Set(typed).size, typed.length, 'no code typed twice');
});

test('the vocabulary unions are the catalog\'s ids', () => {
  for (const [name, list] of [['Category', 'categories'], ['Education', 'education'],
    ['RegionFlag', 'region_flags'], ['WageBasis', 'wage_basis']]) {
    assert.deepEqual(union(name), catalog[list].map((e) => e.id).sort(), name);
  }
  const item = types.match(/item: ([^;]*);/);
  assert.deepEqual([...item[1].matchAll(/'([^']+)'/g)].map((m) => m[1]).sort(), catalog.items.map((e) => e.id).sort(), 'SubsidyLine item');
});
