// Adds to each page of the site the preload links of what its module script imports,
// walked from the site's own files: the browser then fetches the whole import chain
// and the rule core's .wasm at once, instead of one link of the chain after another
// (page → app.js → engine.js → jianxi.js → jianxi_module.mjs → .wasm). Run by
// scripts/build-site.sh before the site is stamped; bench/README.md has the times.
//   node scripts/preload-site.mjs SITE
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { importGraph } from './import-graph.mjs';

const site = process.argv[2];
const wasmOf = { 'jianxi_module.mjs': 'jianxi_module.wasm' };

const moduleScript = /<script type="module" src="([^"]+)"><\/script>/g;

function preloadLinks(page, html) {
  const pageDir = posix.dirname(page);
  const entries = [...html.matchAll(moduleScript)].map(([, src]) => posix.normalize(posix.join(pageDir, src)));
  const listed = new Set(entries);
  const wasm = [];
  const modules = [];
  for (const entry of entries) {
    for (const path of importGraph(site, entry)) {
      if (listed.has(path)) continue;
      listed.add(path);
      const href = posix.relative(pageDir, path);
      modules.push(`<link rel="modulepreload" href="${href}">`);
      const binary = wasmOf[posix.basename(path)];
      if (binary) {
        wasm.push(`<link rel="preload" href="${posix.join(posix.dirname(href), binary)}" as="fetch" type="application/wasm" crossorigin>`);
      }
    }
  }
  // The largest file and the last of the chain first.
  return [...wasm, ...modules];
}

let pages = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    if (name.isDirectory()) {
      if (name.name !== 'vendor') walk(path);
    } else if (name.name.endsWith('.html')) {
      const page = relative(site, path).split('\\').join('/');
      const html = readFileSync(path, 'utf8');
      const links = preloadLinks(page, html);
      if (!links.length) continue;
      const at = html.search(/<script type="module" src=/);
      writeFileSync(path, html.slice(0, at) + links.join('\n') + '\n' + html.slice(at));
      pages += 1;
    }
  }
};
walk(site);
console.log(`preload links: ${pages} pages`);
