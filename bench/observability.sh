#!/usr/bin/env bash
# What observability costs, measured on a shared machine: two gateways, one as deployed (observability on) and
# one with it off, run side by side on the same caches setting, and wrk alternates between them round by round,
# so load from elsewhere on the machine falls on both alike, in alternating order. Prints one RESULT line per round and the median
# requests per second of each.
# Usage: bench/observability.sh                  (product and search, caches off and on, 5 rounds of 10 s)
#        QUERIES=product ROUNDS=3 bench/observability.sh
set -euo pipefail
cd "$(dirname "$0")/.."

LATENCY=${LATENCY:-20ms}
WARMUP=${WARMUP:-30}
ROUND=${ROUND:-10}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-16}
read -ra QUERIES <<<"${QUERIES:-product search}"
read -ra CACHES <<<"${CACHES:-false true}"
# shellcheck source=bench/observability-flags.sh
source bench/observability-flags.sh
OUT=bench/out
mkdir -p "$OUT"
JAR=$(ls target/tmall-aliexpress-gateway-*.jar | grep -v original | head -1)
declare -A PORTS=([on]=18081 [off]=18082)
# actuator's port of each gateway: health is read there, never on the public port
declare -A MANAGEMENT_PORTS=([on]=18091 [off]=18092)

pids=()
stop_all() {
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	pids=()
}
trap stop_all EXIT

start() { # $1 caches, $2 on|off
	local flags
	flags=$(observability_flags "$2")
	# shellcheck disable=SC2086
	java -Xms512m -Xmx2g -jar "$JAR" --server.port="${PORTS[$2]}" --management.server.port="${MANAGEMENT_PORTS[$2]}" \
		--gateway.embedded.latency="$LATENCY" \
		--gateway.cache.enabled="$1" --gateway.embedded.journal-entries=0 --gateway.clients.require-key=false \
		--logging.level.root=WARN $flags \
		>"$OUT/observability-cache-$1-$2.log" 2>&1 &
	pids+=($!)
	for _ in $(seq 1 90); do
		curl -fs "http://localhost:${MANAGEMENT_PORTS[$2]}/actuator/health" >/dev/null 2>&1 && return 0
		sleep 1
	done
	echo "the gateway did not start; see $OUT/observability-cache-$1-$2.log" >&2
	exit 1
}

load() { # $1 query, $2 port, $3 seconds
	BENCH_BODY="bench/queries/$1.json" wrk -t1 -c"$CONNECTIONS" -d"$3s" --timeout 5s --latency -s bench/graphql.lua \
		"http://localhost:$2/graphql" | grep '^RESULT'
}

: >"$OUT/observability.txt"
for caches in "${CACHES[@]}"; do
	start "$caches" on
	start "$caches" off
	for query in "${QUERIES[@]}"; do
		for observability in on off; do
			load "$query" "${PORTS[$observability]}" "$WARMUP" >/dev/null
		done
	done
	for query in "${QUERIES[@]}"; do
		for round in $(seq 1 "$ROUNDS"); do
			# the order alternates (on off, off on, …): whichever runs first in a round measured up to 17% slower
			# in an A/A run of two identical gateways
			order="on off"
			((round % 2 == 0)) && order="off on"
			for observability in $order; do
				load "$query" "${PORTS[$observability]}" "$ROUND" |
					sed "s/\$/ caches=$caches query=$query observability=$observability round=$round/" |
					tee -a "$OUT/observability.txt"
			done
		done
	done
	stop_all
done

python3 - "$OUT/observability.txt" <<'PY'
import re, statistics, sys
rows = [dict(re.findall(r"(\w+)=([\w.]+)", line)) for line in open(sys.argv[1])]
print("| caches | query | req/s off (median) | req/s on (median) | cost | p50 ms off | p50 ms on |")
print("|---|---|---|---|---|---|---|")
for key in dict.fromkeys((r["caches"], r["query"]) for r in rows):
    pick = lambda obs, f: statistics.median(float(r[f]) for r in rows if (r["caches"], r["query"]) == key and r["observability"] == obs)
    off, on = pick("off", "rps"), pick("on", "rps")
    print(f"| {key[0]} | {key[1]} | {off:.1f} | {on:.1f} | {100 * (off - on) / off:+.1f}% | {pick('off', 'p50_ms'):.2f} | {pick('on', 'p50_ms'):.2f} |")
PY
