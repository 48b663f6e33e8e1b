#!/usr/bin/env bash
# Lays out the site in $out/site: web/ plus the wasm module and its JS API, the
# vendor libraries the pages load from their own origin (papaparse, exceljs), the
# pinyin of the catalog's place names (scripts/place-pinyin.mjs), the embedding
# examples (examples/portal-embed, with Vue's runtime-only build, which needs no
# eval), each page's preload links (scripts/preload-site.mjs), and build-info.json for
# the service worker. The pages read the rules only through the
# core (its `catalog` answer); the provinces' rule files (provinces/<id>.json, as the
# wasm build wrote them) are the module's, read by it alone.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${JIANXI_BUILD_ROOT:-build}"

rm -rf $out/site
mkdir -p $out/site/vendor
cp -r web/. $out/site/
cp $out/wasm/jianxi_module.mjs $out/wasm/jianxi_module.wasm $out/wasm/jianxi.js $out/site/
# Each province's rules, fetched by the module the first time a request needs them.
cp -r $out/wasm/provinces $out/site/provinces
cp node_modules/papaparse/papaparse.min.js $out/site/vendor/
cp node_modules/exceljs/dist/exceljs.min.js $out/site/vendor/
node scripts/place-pinyin.mjs $out/site $out/native/jianxi
mkdir -p $out/site/examples/portal-embed/lib
cp -r examples/portal-embed/. $out/site/examples/portal-embed/
cp node_modules/vue/dist/vue.runtime.esm-browser.prod.js $out/site/examples/portal-embed/lib/
node scripts/preload-site.mjs $out/site
node scripts/stamp-site.mjs $out/site
