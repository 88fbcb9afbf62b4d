#!/usr/bin/env bash
# bench/remote_shards.sh: what serving shards through xapian-tcpsrv costs
# against local databases, in one run on this machine.
#
# Generates a synthetic corpus (tools/gen_corpus), builds it as one database
# and as two shards, then asks the same queries of three searchd processes:
# one database (the baseline), the two shards opened locally, and the two
# shards served by two xapian-tcpsrv processes on 127.0.0.1. Prints median
# and p95 latency per setup and as ratios to the baseline.
#
#   bash bench/remote_shards.sh            # 2,000 statements, 5 rounds
#   COUNT=20000 ROUNDS=3 bash bench/remote_shards.sh
#   BUILD=build/dev bash bench/remote_shards.sh   # another build folder
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-2000}
ROUNDS=${ROUNDS:-5}
BUILD=${BUILD:-build/ci}
for tool in indexer/indexer searchd/searchd tools/gen_corpus/gen_corpus; do
  [[ -x "$BUILD/$tool" ]] || { echo "remote_shards.sh: $BUILD/$tool not built (cmake --build --preset ci)" >&2; exit 2; }
done
command -v xapian-tcpsrv >/dev/null || { echo "remote_shards.sh: xapian-tcpsrv missing (scripts/install-deps)" >&2; exit 2; }
command -v curl >/dev/null || { echo "remote_shards.sh: curl missing" >&2; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "corpus: $COUNT synthetic statements (gen_corpus --seed 7)" >&2
"$BUILD/tools/gen_corpus/gen_corpus" --count "$COUNT" --seed 7 --out "$work/corpus" --vocabulary corpus/vocabulary -q >/dev/null
"$BUILD/indexer/indexer" build "$work/corpus" --vocabulary corpus/vocabulary --db "$work/one" -q >/dev/null
"$BUILD/indexer/indexer" build "$work/corpus" --vocabulary corpus/vocabulary --db "$work/sharded" --shards 2 -q >/dev/null
generation="$work/$(awk '{print $2}' "$work/sharded")"

# One xapian-tcpsrv per shard; a port found taken is replaced by another.
tcp_ports=()
for shard in "$generation"/shard-0 "$generation"/shard-1; do
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    # setsid: on SIGTERM xapian-tcpsrv signals its whole process group
    setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" --quiet "$shard" >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 50); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then pids+=("$pid"); tcp_ports+=("$port"); break; fi
  done
done
[[ ${#tcp_ports[@]} -eq 2 ]] || { echo "remote_shards.sh: xapian-tcpsrv did not start" >&2; exit 1; }
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "${tcp_ports[0]}" "${tcp_ports[1]}" > "$work/remote.stub"

# searchd on port 0; the first line it prints names the port.
start_searchd() {
  local name=$1; shift
  "$BUILD/searchd/searchd" "$@" --listen 127.0.0.1:0 --web web -q > "$work/$name.out" 2> "$work/$name.err" &
  pids+=("$!")
  for _ in $(seq 100); do
    if grep -q 'listening on' "$work/$name.out" 2>/dev/null; then
      sed -n 's/.*:\([0-9]*\)$/\1/p' "$work/$name.out" | head -1
      return
    fi
    sleep 0.1
  done
  echo "remote_shards.sh: searchd ($name) did not start: $(cat "$work/$name.err")" >&2
  exit 1
}
port_one=$(start_searchd one --db "$work/one")
port_local=$(start_searchd local --db "$work/sharded")
port_remote=$(start_searchd remote --db "$work/remote.stub")

queries=("" "cooperation" "human rights" "\"data protection\"" "encryption" "extradition" "ransomware"
  "safeguards" "electronic evidence" "capacity building" "criminalization" "jurisdiction" "privacy"
  "civil society" "technical assistance" "child" "freedom of expression" "mutual legal assistance"
  "dual criminality" "proportionality")
urls_for() {
  local port=$1 q view filter
  for q in "${queries[@]}"; do
    for view in statements passages; do
      for filter in "" "&session=ahc-5" "&theme=human-rights-safeguards"; do
        printf 'output = "/dev/null"\nurl = "http://127.0.0.1:%s/api/search?q=%s&view=%s%s"\n' "$port" \
          "$(printf '%s' "$q" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')" "$view" "$filter"
      done
    done
  done
}

# Each round asks every query once per setup, setups interleaved so that
# machine noise falls on all of them alike; curl reuses one connection.
for setup in one local remote; do : > "$work/$setup.times"; done
for round in $(seq "$ROUNDS"); do
  for setup in one local remote; do
    port_var="port_$setup"
    urls_for "${!port_var}" > "$work/urls"
    curl -s -K "$work/urls" -w '%{time_total}\n' >> "$work/$setup.times"
  done
done
# The first round warms caches: drop it.
per_round=$(( ${#queries[@]} * 6 ))

stat() {  # median and p95 in ms of one setup's times
  tail -n +"$((per_round + 1))" "$work/$1.times" | sort -g | awk '{a[NR]=$1*1000} END {
    m=a[int((NR+1)/2)]; p=a[int(NR*0.95+0.5)]; printf "%.3f %.3f %d", m, p, NR}'
}
read -r base_med base_p95 n <<< "$(stat one)"
paragraphs=$(curl -s "http://127.0.0.1:$port_one/api/health" | sed -n 's/.*"paragraphs":\([0-9]*\).*/\1/p')
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
echo
echo "remote shards vs local, $(date -u +%Y-%m-%d)"
echo "machine: $(nproc) cores, $cpu"
echo "corpus:  $COUNT statements, $paragraphs paragraphs, index $(du -sh "$work/one.generations" | cut -f1) (one database)"
echo "queries: ${#queries[@]} x 2 views x 3 filters, $((ROUNDS - 1)) measured rounds ($n requests per setup), one keep-alive connection"
echo
printf '%-34s %10s %10s %12s %12s\n' setup "median ms" "p95 ms" "median/base" "p95/base"
for setup in one local remote; do
  read -r med p95 _ <<< "$(stat "$setup")"
  case $setup in
    one) label="one local database (baseline)";;
    local) label="2 local shards (one stub)";;
    remote) label="2 remote shards (xapian-tcpsrv)";;
  esac
  printf '%-34s %10s %10s %12s %12s\n' "$label" "$med" "$p95" \
    "$(awk -v a="$med" -v b="$base_med" 'BEGIN{printf "%.2fx", a/b}')" \
    "$(awk -v a="$p95" -v b="$base_p95" 'BEGIN{printf "%.2fx", a/b}')"
done
