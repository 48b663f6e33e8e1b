// Writes build/site/build-info.json: the files of the site with their sizes and a
// content hash, so the service worker's cache name changes whenever the site does.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2];
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name !== 'build-info.json') files.push(relative(root, path));
  }
};
walk(root);
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(root, f)));
const info = { version: hash.digest('hex').slice(0, 16), files };
writeFileSync(join(root, 'build-info.json'), JSON.stringify(info, null, 1) + '\n');
console.log(`site ${info.version}: ${files.length} files`);
