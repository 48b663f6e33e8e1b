#!/usr/bin/env bash
# Lays out the npm package of the wasm core in $out/npm/jianxi-core (wasm/package/ plus
# the module, its JS API and types from $out/wasm, and the embedding layer web/embed/
# with the site modules it imports, laid out as on the site: embed/ and js/ beside
# jianxi.js) and packs it with npm pack into
# $out/npm/jianxi-core-VERSION.tgz. The version is the project's (CMakeLists.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${JIANXI_BUILD_ROOT:-build}"
version=$(sed -n 's/^project(jianxi VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
pkg="$out/npm/jianxi-core"

rm -rf "$out/npm"
mkdir -p "$pkg"
cp wasm/package/index.js wasm/package/node.js wasm/package/README.md "$pkg/"
cp "$out/wasm/jianxi.js" "$out/wasm/jianxi.d.ts" "$out/wasm/jianxi_module.mjs" "$out/wasm/jianxi_module.wasm" "$pkg/"
mkdir -p "$pkg/embed" "$pkg/js"
cp web/embed/*.js wasm/package/embed.d.ts "$pkg/embed/"
cp web/js/table-import.js web/js/table-columns.js web/js/i18n.js web/js/plain.js "$pkg/js/"
cp -r "$out/wasm/provinces" "$pkg/provinces"
node -e '
  const fs = require("fs");
  const [template, target, version] = process.argv.slice(1);
  const pkg = JSON.parse(fs.readFileSync(template, "utf8"));
  pkg.version = version;
  fs.writeFileSync(target, JSON.stringify(pkg, null, 2) + "\n");
' wasm/package/package.json "$pkg/package.json" "$version"
(cd "$pkg" && npm pack --silent --pack-destination .. >/dev/null)
echo "npm package: $out/npm/jianxi-core-$version.tgz"
