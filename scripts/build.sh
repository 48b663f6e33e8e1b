#!/usr/bin/env bash
# Builds the native CLI and tests ($out/native), the wasm module ($out/wasm) and
# the site ($out/site: web/ plus the module); $out is JIANXI_BUILD_ROOT, else build.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="${JIANXI_JOBS:-2}"
out="${JIANXI_BUILD_ROOT:-build}"

cmake -S . -B $out/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build $out/native -j "$jobs"

# Emscripten's optimiser needs Debian's acorn, which Node does not look for by itself.
export NODE_PATH=/usr/share/nodejs
emcmake cmake -S . -B $out/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build $out/wasm -j "$jobs"

scripts/build-site.sh
