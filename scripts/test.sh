#!/usr/bin/env bash
# Every test: install what is missing, build, then the native unit and case tests and
# the ctypes test of libjianxi (CTest), the wasm tests in Node (same cases,
# byte-identical to the CLI), the browser tests in headless Chromium, the HTTP service
# against the CLI, the packed npm tarball installed and asked, the native tests again
# under ASan and UBSan, and a short fuzzing run of every kind (scripts/fuzz.sh; the long run is documented there).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
(cd "${JIANXI_BUILD_ROOT:-build}/native" && ctest --output-on-failure)
node --test tests/wasm/ tests/web/ tests/server/ tests/npm/

out="${JIANXI_BUILD_ROOT:-build}"
cmake -S . -B "$out/asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJIANXI_SANITIZE=ON >/dev/null
cmake --build "$out/asan" -j "${JIANXI_JOBS:-2}" --target jianxi_unit_tests jianxi_case_tests jianxi
(cd "$out/asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --output-on-failure)

scripts/fuzz.sh "${JIANXI_FUZZ_SECONDS:-5}"
