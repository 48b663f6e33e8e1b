// The web and the site scripts read the rules only through the core: no file under
// web/ or scripts/ names a path into rules/. The exceptions are the two tools that write
// rules: scripts/gen-divisions.mjs (rules/divisions, from the npm dataset) and
// scripts/new-province.mjs (a new province's folder).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const ALLOWED = new Set(['scripts/gen-divisions.mjs', 'scripts/new-province.mjs']);

const walk = (dir) => readdirSync(dir).sort().flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? walk(path) : [path];
});

// "rules/…", "../rules", join(…, 'rules', …) and the like.
const READS_RULES = [/(^|[^\w.-])(\.\.\/)*rules\//, /['"`]rules['"`]/, /\$\{?\w*\}?\/rules\b/];

test('no file under web/ or scripts/ reads rules/ (except the tools that write rules)', () => {
  const offenders = [];
  for (const file of [...walk(join(root, 'web')), ...walk(join(root, 'scripts'))]) {
    const name = relative(root, file);
    if (ALLOWED.has(name) || !/\.(m?js|sh|html|json|css|webmanifest)$/.test(name)) continue;
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (READS_RULES.some((re) => re.test(line))) offenders.push(`${name}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(offenders, []);
});

test('the check itself sees a read of rules/', () => {
  for (const line of ["fetch('rules/forms/unit-application.json')", 'cp rules/forms/x.json site/',
    "readdirSync(join(root, 'rules', 'minimum-wage'))", 'node x.mjs ../rules/minimum-wage']) {
    assert.ok(READS_RULES.some((re) => re.test(line)), line);
  }
  assert.ok(!READS_RULES.some((re) => re.test('// the core reads its embedded rules')));
});
