#!/usr/bin/env bash
# Where a warm gateway's CPU goes: async-profiler (from Maven Central, fetched into ~/.m2 by mvn) attached with
# jcmd to a gateway on the embedded upstreams (a process of their own). Each query of QUERIES is loaded until the
# JIT is quiet (warm_up in lib.sh), then again for DURATION seconds with the profiler sampling CPU. Writes the
# collapsed stacks to bench/out/profile-<query>-cache-<caches>.collapsed and prints, with the gateway's CPU per
# request over the same window, the frames with the most samples, on their own (self) and with what they call
# (total).
# Usage: QUERIES="typename product products50" CACHES=true bench/profile.sh    (warm; about 5 minutes)
#        QUERIES=product CACHES=false bench/profile.sh                        (cold product)
#        GATEWAY_JAR=other.jar GATEWAY_ARGS="--gateway.admission.enabled=false" QUERIES=typename bench/profile.sh
#        OBSERVABILITY=off QUERIES=typename bench/profile.sh   (bench/observability-flags.sh; on, as deployed, unless told)
# Measure on a quiet machine: flock -x /work/helpers/cpu.lock bench/profile.sh
set -euo pipefail
cd "$(dirname "$0")/.."

read -ra QUERIES <<<"${QUERIES:-product}"
CACHES=${CACHES:-true}
LATENCY_MS=${LATENCY_MS:-20}
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-16}
TOP=${TOP:-30}
ASYNC_PROFILER=${ASYNC_PROFILER:-4.1}
read -ra GATEWAY_ARGS <<<"${GATEWAY_ARGS:-}"
OBSERVABILITY=${OBSERVABILITY:-on}
# shellcheck source=bench/observability-flags.sh
source bench/observability-flags.sh
read -ra OBSERVABILITY_FLAGS <<<"$(observability_flags "$OBSERVABILITY")"
# shellcheck source=bench/lib.sh
source bench/lib.sh
JAR=$(bench_jar)
GATEWAY_JAR=${GATEWAY_JAR:-$JAR}
trap stop_all EXIT

library=$(async_profiler "$ASYNC_PROFILER")

start_upstreams "$JAR" "$LATENCY_MS"
start_gateway "$GATEWAY_JAR" "$OUT/profile-cache-$CACHES.log" --gateway.cache.enabled="$CACHES" \
	"${OBSERVABILITY_FLAGS[@]}" "${GATEWAY_ARGS[@]}"
for query in "${QUERIES[@]}"; do
	warm_up "$query" "$CONNECTIONS" "$gateway_port" "$gateway_pid"
	collapsed=$(realpath "$OUT")/profile-$query-cache-$CACHES.collapsed
	start_profiler "$library" "$gateway_pid"
	line=$(measured_load "$query" "$CONNECTIONS" "$DURATION" "$gateway_port" "$gateway_pid")
	stop_profiler "$library" "$gateway_pid" "$collapsed"
	echo "# $GATEWAY_JAR ${GATEWAY_ARGS[*]}, observability $OBSERVABILITY, $query, caches $CACHES, $CONNECTIONS connections; load average $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "$line"
	python3 bench/flame.py "$collapsed" "$TOP"
done
