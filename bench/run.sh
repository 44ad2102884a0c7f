#!/usr/bin/env bash
# Load benchmark of the gateway on its embedded upstreams at a fixed upstream latency.
# Usage: bench/run.sh            (full run, about 17 minutes; writes bench/RESULTS.md)
#        WARMUP=5 DURATION=5 bench/run.sh   (a quick smoke run)
#        QUERIES="product search" bench/run.sh          (a subset of bench/queries)
#        OBSERVABILITY="on off" bench/run.sh            (each run with tracing, GraphQL observations and
#                                                        the request summary log on, then off)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18080}
# actuator's port: health and the upstream-call count are read there, never on the public port
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18090}
LATENCY=${LATENCY:-20ms}
WARMUP=${WARMUP:-45}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-16}
STRESS_CONNECTIONS=${STRESS_CONNECTIONS:-64}
read -ra QUERIES <<<"${QUERIES:-typename product search products50}"
read -ra OBSERVABILITY <<<"${OBSERVABILITY:-on}"
OUT=bench/out
RESULTS=${RESULTS:-bench/RESULTS.md}

if ! command -v wrk >/dev/null 2>&1; then
	apt-get update -qq && apt-get install -y -qq wrk
fi
JAR=$(ls target/tmall-aliexpress-gateway-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "$JAR" || -n "${BUILD:-}" ]]; then
	mvn -q -B -DskipTests package
	JAR=$(ls target/tmall-aliexpress-gateway-*.jar | grep -v original | head -1)
fi
mkdir -p "$OUT"

gateway_pid=""
stop_gateway() {
	if [[ -n "$gateway_pid" ]]; then
		kill "$gateway_pid" 2>/dev/null || true
		wait "$gateway_pid" 2>/dev/null || true
		gateway_pid=""
	fi
}
trap stop_gateway EXIT

# shellcheck source=bench/observability-flags.sh
source bench/observability-flags.sh

start_gateway() { # $1: true to cache upstream answers, false for cold caches; $2: observability on or off
	# shellcheck disable=SC2046
	java -Xms512m -Xmx2g -jar "$JAR" --server.port="$PORT" --management.server.port="$MANAGEMENT_PORT" \
		--gateway.embedded.latency="$LATENCY" \
		--gateway.cache.enabled="$1" --gateway.embedded.journal-entries=0 --management.endpoints.web.exposure.include=health,metrics \
		--gateway.clients.require-key=false \
		--logging.level.root=WARN $(observability_flags "$2") >"$OUT/gateway-cache-$1-observability-$2.log" 2>&1 &
	gateway_pid=$!
	for _ in $(seq 1 60); do
		curl -fs "http://localhost:$MANAGEMENT_PORT/actuator/health" >/dev/null 2>&1 && return 0
		sleep 1
	done
	echo "the gateway did not start; see $OUT/gateway-cache-$1-observability-$2.log" >&2
	exit 1
}

upstream_calls() {
	curl -fs "http://localhost:$MANAGEMENT_PORT/actuator/metrics/http.client.requests" |
		python3 -c 'import json,sys; print(int(next(m["value"] for m in json.load(sys.stdin)["measurements"] if m["statistic"]=="COUNT")))' 2>/dev/null ||
		echo 0
}

load() { # $1 query, $2 connections, $3 seconds; prints wrk's RESULT line
	BENCH_BODY="bench/queries/$1.json" wrk -t1 -c"$2" -d"$3s" --timeout 5s --latency -s bench/graphql.lua \
		"http://localhost:$PORT/graphql" | grep '^RESULT'
}

measure() { # $1 caches, $2 query, $3 connections, $4 observability
	load "$2" "$3" "$WARMUP" >/dev/null
	local before after line requests
	before=$(upstream_calls)
	line=$(load "$2" "$3" "$DURATION")
	after=$(upstream_calls)
	requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")
	printf '%s caches=%s query=%s connections=%s observability=%s upstream_calls_per_request=%s\n' "$line" "$1" "$2" "$3" "$4" \
		"$(python3 -c "print(round(($after - $before) / max($requests, 1), 2))")"
}

: >"$OUT/results.txt"
for caches in false true; do
	for observability in "${OBSERVABILITY[@]}"; do
		start_gateway "$caches" "$observability"
		# the JIT keeps compiling for a minute or more: every path is exercised before anything is measured
		for query in "${QUERIES[@]}"; do
			load "$query" "$CONNECTIONS" "$WARMUP" >/dev/null
		done
		for query in "${QUERIES[@]}"; do
			measure "$caches" "$query" "$CONNECTIONS" "$observability" | tee -a "$OUT/results.txt"
		done
		for query in "${QUERIES[@]}"; do
			load "$query" "$STRESS_CONNECTIONS" 10 |
				sed "s/\$/ caches=$caches query=$query connections=$STRESS_CONNECTIONS observability=$observability/" |
				tee -a "$OUT/results.txt"
		done
		stop_gateway
	done
done

python3 bench/report.py "$OUT/results.txt" "$LATENCY" "$WARMUP" "$DURATION" "${QUERIES[*]}" "${OBSERVABILITY[*]}" >"$RESULTS"
echo "wrote $RESULTS"
