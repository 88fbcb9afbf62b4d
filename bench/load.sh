#!/usr/bin/env bash
# Load test of searchd (docs/reliability.md, "Load"): a synthetic corpus of
# 20,000 statements (tools/gen_corpus, fixed seed), indexed; searchd on a
# loopback port; wrk (Debian's; `scripts/install-deps bench`) first for a
# baseline (1 connection, 10 s), then for the load (256 connections, 60 s),
# both cycling through the requests in bench/load.lua. searchd's resident
# memory and open file descriptors are sampled every few seconds.
#
#   bench/load.sh                 # build dir build/ci, scratch in /tmp
#   BUILD=build/dev DURATION=30 CONNECTIONS=128 bench/load.sh
#
# Reports socket errors, statuses (429s counted apart: they are intended
# only when rate limiting applies, which it does not to loopback clients by
# default), requests per second and latency as ratios to the baseline, and
# memory and descriptors over time.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$root/build/ci}
STATEMENTS=${STATEMENTS:-20000}
SEED=${SEED:-1}
DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-256}
BASELINE_DURATION=${BASELINE_DURATION:-10}
THREADS=${THREADS:-$(nproc)}
SAMPLE_SECONDS=${SAMPLE_SECONDS:-5}
SEARCHD_FLAGS=${SEARCHD_FLAGS:-}
# A response slower than this counts as a socket error (wrk's default, 2 s,
# is shorter than the queue that 256 connections build on a small machine).
WRK_TIMEOUT=${WRK_TIMEOUT:-30}

command -v wrk >/dev/null || { echo "bench/load.sh: wrk not found; run scripts/install-deps bench" >&2; exit 1; }
for program in tools/gen_corpus/gen_corpus indexer/indexer searchd/searchd; do
  [[ -x $BUILD/$program ]] || { echo "bench/load.sh: $BUILD/$program not built (cmake --build --preset ci)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/stmt-load-XXXXXX)
searchd_pid=
sampler_pid=
cleanup() {
  [[ -n $sampler_pid ]] && kill "$sampler_pid" 2>/dev/null || true
  [[ -n $searchd_pid ]] && kill "$searchd_pid" 2>/dev/null && wait "$searchd_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== corpus: $STATEMENTS synthetic statements (txt, seed $SEED)"
"$BUILD/tools/gen_corpus/gen_corpus" --count "$STATEMENTS" --seed "$SEED" --formats txt \
  --out "$work/corpus" --truth "$work/truth.jsonl" --vocabulary "$root/corpus/vocabulary" -q
start=$(date +%s)
"$BUILD/indexer/indexer" build "$work/corpus" --vocabulary "$root/corpus/vocabulary" --db "$work/db" -q | tr '\n' ' '
echo "(indexed in $(( $(date +%s) - start )) s)"

# shellcheck disable=SC2086  # SEARCHD_FLAGS is a list of flags
"$BUILD/searchd/searchd" --db "$work/db" --listen 127.0.0.1:0 --web "$root/web" -q $SEARCHD_FLAGS \
  >"$work/searchd.out" 2>"$work/searchd.err" &
searchd_pid=$!
for _ in $(seq 100); do
  grep -q listening "$work/searchd.out" 2>/dev/null && break
  sleep 0.1
done
url=$(sed -n 's/^searchd: listening on //p' "$work/searchd.out")
[[ -n $url ]] || { echo "bench/load.sh: searchd did not start:" >&2; cat "$work/searchd.err" >&2; exit 1; }

sample() {  # elapsed-seconds rss-kB fds threads
  local rss fds threads
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$searchd_pid/status")
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$searchd_pid/status")
  # Descriptors come and go while they are listed: ls may complain.
  fds=$(ls "/proc/$searchd_pid/fd" 2>/dev/null | wc -l || true)
  echo "$1 $rss $fds $threads"
}

run_wrk() {  # connections seconds label
  wrk -t "$(( $1 < THREADS ? $1 : THREADS ))" -c "$1" -d "${2}s" --timeout "${WRK_TIMEOUT}s" --latency \
    -s "$root/bench/load.lua" "$url" \
    >"$work/wrk-$3.txt"
  grep '^LOAD' "$work/wrk-$3.txt" | sed "s/^LOAD/$3:/"
}

echo "== searchd at $url; before any request: $(sample 0 | awk '{print "rss " $2 " kB, fds " $3 ", threads " $4}')"
echo "== baseline: 1 connection, ${BASELINE_DURATION} s"
run_wrk 1 "$BASELINE_DURATION" baseline
idle_fds=$(sample 0 | awk '{print $3}')

echo "== load: $CONNECTIONS connections, ${DURATION} s, $THREADS wrk threads"
(
  started=$SECONDS  # labels in real seconds: a sample itself takes time under load
  while sleep "$SAMPLE_SECONDS"; do
    sample "$((SECONDS - started))"
  done
) >"$work/samples.txt" &
sampler_pid=$!
run_wrk "$CONNECTIONS" "$DURATION" load
kill "$sampler_pid"
sampler_pid=
sleep 4  # idle keep-alive connections close (--keep-alive-timeout, default 2 s)
after=$(sample end)

echo "== searchd over the load (seconds, RSS kB, open fds, threads)"
cat "$work/samples.txt"
echo "after the load: $(echo "$after" | awk '{print "rss " $2 " kB, fds " $3 ", threads " $4}') (fds before the load: $idle_fds)"

echo "== summary (machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1))"
awk -v idle_fds="$idle_fds" -v after_fds="$(echo "$after" | awk '{print $3}')" '
  FILENAME ~ /wrk-baseline/ && /^LOAD requests/ { split($4, a, "="); base_rps = a[2] }
  FILENAME ~ /wrk-baseline/ && /^LOAD latency/ { split($3, a, "="); base_p50 = a[2]; split($5, b, "="); base_p99 = b[2] }
  FILENAME ~ /wrk-load/ && /^LOAD requests/ { split($2, r, "="); requests = r[2]; split($4, a, "="); rps = a[2] }
  FILENAME ~ /wrk-load/ && /^LOAD socket_errors/ { for (i = 3; i <= NF; i++) { split($i, a, "="); errors += a[2] } }
  FILENAME ~ /wrk-load/ && /^LOAD status/ { if ($3 == 429) limited += $4; else if ($3 < 200 || $3 >= 300) bad += $4 }
  FILENAME ~ /wrk-load/ && /^LOAD latency/ { split($3, a, "="); p50 = a[2]; split($5, b, "="); p99 = b[2] }
  FILENAME ~ /samples.txt/ { n++; if (n == 1) first_rss = $2; last_rss = $2; if ($2 > max_rss) max_rss = $2; if ($3 > max_fds) max_fds = $3 }
  END {
    printf "requests %d, socket errors %d, non-2xx (not 429) %d, 429 %d\n", requests, errors, bad, limited
    printf "throughput %.0f req/s = %.2f x the 1-connection baseline (%.0f req/s)\n", rps, rps / base_rps, base_rps
    printf "latency p50 %.2f ms = %.1f x baseline, p99 %.2f ms = %.1f x baseline\n", p50, p50 / base_p50, p99, p99 / base_p99
    printf "RSS first sample %d kB, last %d kB (%.2f x), max %d kB\n", first_rss, last_rss, last_rss / first_rss, max_rss
    printf "open fds: %d before the load, max %d during, %d after\n", idle_fds, max_fds, after_fds
    exit (errors > 0 || bad > 0)
  }' "$work/wrk-baseline.txt" "$work/wrk-load.txt" "$work/samples.txt"
