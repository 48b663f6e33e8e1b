#!/usr/bin/env bash
# Every test: install what is missing, build, then the native unit and case tests
# (CTest), the wasm tests in Node (same cases, byte-identical to the CLI), and the
# browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
(cd "${JIANXI_BUILD_ROOT:-build}/native" && ctest --output-on-failure)
node --test tests/wasm/ tests/web/
