#!/usr/bin/env bash
# Load benchmark of the gateway on its embedded upstreams at a fixed upstream latency. The upstreams run in a
# process of their own, so the gateway's CPU per request is its own: read from /proc/<pid>/stat over each
# measured window and divided by the requests answered in it.
# Usage: bench/run.sh            (full run, about 25 minutes; rewrites its own section of bench/RESULTS.md)
#        WARMUP=5 DURATION=5 bench/run.sh   (a quick smoke run)
#        QUERIES="product search" bench/run.sh          (a subset of bench/queries)
#        OBSERVABILITY="on off" bench/run.sh            (each run with tracing, GraphQL observations and
#                                                        the request summary log on, then off)
#        GATEWAY_JAR=other.jar bench/run.sh             (another build of the gateway against the same
#                                                        upstreams, e.g. the one before a change)
#        GATEWAY_ARGS="--gateway.admission.enabled=false" bench/run.sh   (more arguments for the gateway)
#        CACHES=false QUERIES=search RESULTS=/tmp/x.md bench/run.sh       (cold only, the section written elsewhere)
# Measure on a quiet machine: flock -x /work/helpers/cpu.lock bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

LATENCY_MS=${LATENCY_MS:-20}
WARMUP=${WARMUP:-45}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-16}
STRESS_CONNECTIONS=${STRESS_CONNECTIONS:-64}
read -ra QUERIES <<<"${QUERIES:-typename product search products50}"
read -ra CACHES <<<"${CACHES:-false true}"
read -ra OBSERVABILITY <<<"${OBSERVABILITY:-on}"
read -ra GATEWAY_ARGS <<<"${GATEWAY_ARGS:-}"
RESULTS=${RESULTS:-bench/RESULTS.md}

# shellcheck source=bench/lib.sh
source bench/lib.sh
# shellcheck source=bench/observability-flags.sh
source bench/observability-flags.sh
JAR=$(bench_jar)
GATEWAY_JAR=${GATEWAY_JAR:-$JAR}
trap stop_all EXIT

start_upstreams "$JAR" "$LATENCY_MS"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$OUT/results.txt"
for caches in "${CACHES[@]}"; do
	for observability in "${OBSERVABILITY[@]}"; do
		log="$OUT/gateway-cache-$caches-observability-$observability.log"
		# shellcheck disable=SC2046
		start_gateway "$GATEWAY_JAR" "$log" --gateway.cache.enabled="$caches" $(observability_flags "$observability") \
			"${GATEWAY_ARGS[@]}"
		# the JIT keeps compiling for a minute or more: every path is exercised before anything is measured
		for query in "${QUERIES[@]}"; do
			load "$query" "$CONNECTIONS" "$WARMUP" "$gateway_port" >/dev/null
		done
		for query in "${QUERIES[@]}"; do
			warm_up "$query" "$CONNECTIONS" "$gateway_port" "$gateway_pid"
			measured_load "$query" "$CONNECTIONS" "$DURATION" "$gateway_port" "$gateway_pid" "$gateway_management_port" |
				sed "s/\$/ caches=$caches query=$query connections=$CONNECTIONS observability=$observability/" |
				tee -a "$OUT/results.txt"
		done
		for query in "${QUERIES[@]}"; do
			measured_load "$query" "$STRESS_CONNECTIONS" 10 "$gateway_port" "$gateway_pid" |
				sed "s/\$/ caches=$caches query=$query connections=$STRESS_CONNECTIONS observability=$observability/" |
				tee -a "$OUT/results.txt"
		done
		kill "$gateway_pid"
		wait "$gateway_pid" 2>/dev/null || true
	done
done

section=$(python3 bench/report.py "$OUT/results.txt" "$LATENCY_MS" "$WARMUP" "$DURATION" "${QUERIES[*]}" \
	"${OBSERVABILITY[*]}" "$GATEWAY_JAR" "${GATEWAY_ARGS[*]}" "$load_before $(cut -d' ' -f1-3 /proc/loadavg)")
python3 bench/section.py "$RESULTS" run.sh <<<"$section"
echo "wrote run.sh's section of $RESULTS"
