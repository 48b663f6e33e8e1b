// The modules a module loads before it runs: itself and every module it imports or
// re-exports from statically by a relative specifier, transitively, as paths relative
// to `root` (posix), in visiting order. Used by scripts/preload-site.mjs (each page's
// preload links) and bench/embed.mjs (what the embedding layer costs a portal).
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const staticImport = /^(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|^import\s+['"](\.[^'"]+)['"]/gm;

export function importGraph(root, entry) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path) || !existsSync(join(root, path))) return;
    seen.add(path);
    for (const [, from, bare] of readFileSync(join(root, path), 'utf8').matchAll(staticImport)) {
      visit(posix.normalize(posix.join(posix.dirname(path), from ?? bare)));
    }
  };
  visit(entry);
  return [...seen];
}
