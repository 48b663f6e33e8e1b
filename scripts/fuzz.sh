#!/usr/bin/env bash
# Fuzzes evaluate() per kind with libFuzzer + ASan + UBSan, seeded from the case files.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 10; the long run: 1800)
# Crashes land in build/fuzz/crashes/<kind>/; turn each into a case file.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
out="${JIANXI_BUILD_ROOT:-build}/fuzz"
CXX=clang++-14 cmake -S . -B "$out" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJIANXI_FUZZ=ON >/dev/null
cmake --build "$out" -j "${JIANXI_JOBS:-2}" --target fuzz_any fuzz_policies fuzz_subsidy fuzz_eligibility \
  fuzz_unit_application fuzz_summary_table fuzz_allocation_table >/dev/null
node scripts/fuzz-seeds.mjs "$out/seeds"
total=0
for kind in any policies subsidy eligibility unit_application summary_table allocation_table; do
  mkdir -p "$out/corpus/$kind" "$out/crashes/$kind"
  log="$out/$kind.log"
  "$out/tests/fuzz/fuzz_$kind" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
    -artifact_prefix="$out/crashes/$kind/" -print_final_stats=1 \
    "$out/corpus/$kind" "$out/seeds" >"$log" 2>&1 || { tail -40 "$log"; echo "fuzz_$kind found a crash"; exit 1; }
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  echo "fuzz_$kind: $runs executions in ${seconds}s, no crash"
  total=$((total + runs))
done
echo "fuzzing: $total executions across 7 targets, no crash"
