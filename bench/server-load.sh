#!/usr/bin/env bash
# Load figures for jianxi-server (after scripts/build.sh; needs wrk: apt-get install wrk):
#  1. requests/s and p50/p99 latency at 1, 16 and 64 connections for a valid employer
#     form and a 1,000-report summary table (bench/workloads.mjs), SECONDS each;
#  2. resident memory before, during (peak of 1 s samples) and after about REQUESTS
#     valid forms;
#  3. a flood of malformed, truncated, oversized and non-HTTP requests
#     (bench/flood.mjs) while valid forms continue, each answer checked byte for byte;
#  4. bounded work (bench/amplification.mjs): the worst answer ÷ request ratio, peak RSS
#     under the largest request within the limits, /healthz latency under two heavy requests.
# Prints Markdown tables and writes $out/bench/server/results.txt.
# usage: bench/server-load.sh [SECONDS=10] [REQUESTS=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
total="${2:-1000000}"
out="${JIANXI_BUILD_ROOT:-build}"
dir="$out/bench/server"
mkdir -p "$dir"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

node --input-type=module -e "
  import { writeFileSync } from 'node:fs';
  import { unitApplication, summaryTable } from './bench/workloads.mjs';
  writeFileSync('$dir/form.json', JSON.stringify(unitApplication(true)));
  writeFileSync('$dir/table1k.json', JSON.stringify(summaryTable(1000)));
"
"$out/native/jianxi" "$dir/form.json" > "$dir/form.expected"

port=$((20000 + RANDOM % 20000))
"$out/native/jianxi-server" --listen "127.0.0.1:$port" 2> "$dir/access.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
url="http://127.0.0.1:$port/v1/evaluate"
rss_mb() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"; }
# wrk prints latency with a unit; give milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

results="$dir/results.txt"
{
  echo "| workload | connections | requests/s | p50 ms | p99 ms | non-2xx |"
  echo "|---|---|---|---|---|---|"
} > "$results"
rss_start=$(rss_mb)
for workload in form table1k; do
  for c in 1 16 64; do
    threads=$(( c < 2 ? 1 : 2 ))
    BODY_FILE="$dir/$workload.json" wrk -t$threads -c$c -d${seconds}s --latency -s bench/wrk-post.lua "$url" > "$dir/wrk-$workload-$c.txt"
    rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$dir/wrk-$workload-$c.txt")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$dir/wrk-$workload-$c.txt")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$dir/wrk-$workload-$c.txt")")
    bad=$(awk '/Non-2xx/ { print $NF }' "$dir/wrk-$workload-$c.txt")
    name=$([ $workload = form ] && echo "valid unit_application form" || echo "summary table, 1,000 reports")
    echo "| $name | $c | $rps | $p50 | $p99 | ${bad:-0} |" >> "$results"
  done
done

# Memory across about $total requests: run long enough at the measured 64-connection rate.
rate=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$dir/wrk-form-64.txt")
duration=$(( total / (rate > 0 ? rate : 1) + 2 ))
sleep 2
rss_before=$(rss_mb)
BODY_FILE="$dir/form.json" wrk -t2 -c64 -d${duration}s -s bench/wrk-post.lua "$url" > "$dir/wrk-million.txt" &
wrk_pid=$!
peak=0
while kill -0 $wrk_pid 2>/dev/null; do
  now=$(rss_mb)
  peak=$(awk -v a="$peak" -v b="$now" 'BEGIN { print (b > a) ? b : a }')
  sleep 1
done
wait $wrk_pid
sleep 2
rss_after=$(rss_mb)
done_requests=$(awk '/requests in/ { print $1 }' "$dir/wrk-million.txt")

# The flood, with valid traffic checked byte for byte alongside.
flood_seconds=$(( seconds * 2 ))
BODY_FILE="$dir/form.json" EXPECT_FILE="$dir/form.expected" \
  wrk -t1 -c16 -d${flood_seconds}s -s bench/wrk-post.lua "$url" > "$dir/wrk-flood.txt" &
wrk_pid=$!
node bench/flood.mjs "$port" "$flood_seconds" 8 > "$dir/flood.json"
wait $wrk_pid
flood_rss=$(rss_mb)
health=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")
curl -s "http://127.0.0.1:$port/metrics" > "$dir/metrics.txt"

{
  echo
  echo "| memory (RSS) | MB |"
  echo "|---|---|"
  echo "| at start, before any request | $rss_start |"
  echo "| after the throughput runs, before the long run | $rss_before |"
  echo "| peak during $done_requests valid forms (64 connections, ${duration} s) | $peak |"
  echo "| 2 s after | $rss_after |"
  echo "| after the flood | $flood_rss |"
  echo
  echo "Flood (${flood_seconds} s, 8 connections of bad requests): $(cat "$dir/flood.json")"
  echo "Valid traffic during the flood: $(awk '/Requests\/sec/ { printf "%.0f requests/s, ", $2 }' "$dir/wrk-flood.txt")$(grep '^checked' "$dir/wrk-flood.txt"); /healthz after: $health"
} >> "$results"

kill -TERM $pid
wait $pid && echo "SIGTERM: exit 0" >> "$results" || echo "SIGTERM: exit $?" >> "$results"
trap - EXIT
echo "access log: $(wc -l < "$dir/access.log") lines" >> "$results"
rm -f "$dir/access.log"
{
  echo
  node bench/amplification.mjs
} >> "$results"
cat "$results"
