#!/usr/bin/env bash
# Builds the native CLI, HTTP service, C library and tests ($out/native), the wasm
# module ($out/wasm), its npm package ($out/npm) and the site ($out/site: web/ plus
# the module); $out is JIANXI_BUILD_ROOT, else build.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="${JIANXI_JOBS:-2}"
out="${JIANXI_BUILD_ROOT:-build}"

started=$SECONDS
cmake -S . -B $out/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build $out/native -j "$jobs"
echo "native build: $((SECONDS - started)) s"

# Emscripten's optimiser needs Debian's acorn, which Node does not look for by itself.
export NODE_PATH=/usr/share/nodejs
started=$SECONDS
emcmake cmake -S . -B $out/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build $out/wasm -j "$jobs"
echo "wasm build: $((SECONDS - started)) s"

scripts/build-npm.sh

scripts/build-site.sh
node scripts/compress-site.mjs "$out/site"
