#!/usr/bin/env bash
# Builds the native CLI and tests (build/native), the wasm module (build/wasm) and
# the site (build/site: web/ plus the module). One job at a time: the machine has 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="${JIANXI_JOBS:-2}"

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j "$jobs"

# Emscripten's optimiser needs Debian's acorn, which Node does not look for by itself.
export NODE_PATH=/usr/share/nodejs
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j "$jobs"

rm -rf build/site
mkdir -p build/site
cp -r web/. build/site/
cp build/wasm/jianxi_module.mjs build/wasm/jianxi_module.wasm build/wasm/jianxi.js build/site/
node scripts/stamp-site.mjs build/site
