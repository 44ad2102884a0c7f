#!/usr/bin/env bash
# Two builds of the gateway side by side on the same embedded upstreams (a process of their own), wrk alternating
# between them round by round in alternating order, so that whatever else the machine does falls on both alike.
# Each round prints req/s, latency and the gateway's CPU per request (its /proc/<pid>/stat over the round); the
# end prints the medians, and per round whether warm `product` made at least half of `{ __typename }`.
# Usage: BEFORE=/tmp/old.jar bench/compare.sh          (BEFORE against this checkout's jar; about 15 minutes)
#        BEFORE=a.jar AFTER=b.jar CACHES=true QUERIES="typename product" ROUNDS=3 bench/compare.sh
#        BEFORE=a.jar AFTER=a.jar AFTER_JVM_ARGS=-Dreactor.netty.ioWorkerCount=2 bench/compare.sh   (JVM flags)
#        BEFORE=a.jar AFTER=a.jar AFTER_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/compare.sh   (JDKs)
#        BEFORE=a.jar AFTER=a.jar AFTER_ARGS="--gateway.admission.enabled=false" bench/compare.sh   (arguments)
#        PROFILE=1 BEFORE=a.jar AFTER=b.jar bench/compare.sh   (async-profiler on both builds over the same rounds)
# Measure on a quiet machine: flock -x /work/helpers/cpu.lock bench/compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."

LATENCY_MS=${LATENCY_MS:-20}
WARMUP=${WARMUP:-45}
ROUND=${ROUND:-10}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
read -ra QUERIES <<<"${QUERIES:-typename product search products50}"
read -ra CACHES <<<"${CACHES:-false true}"
# the gateway's arguments: GATEWAY_ARGS for both builds; BEFORE_ARGS and AFTER_ARGS for one, each observability as
# deployed unless told (bench/observability-flags.sh: "$(observability_flags off)" switches it off)
read -ra GATEWAY_ARGS <<<"${GATEWAY_ARGS:-}"
# shellcheck source=bench/observability-flags.sh
source bench/observability-flags.sh
read -ra BEFORE_ARGS <<<"${BEFORE_ARGS:-$(observability_flags on)}"
read -ra AFTER_ARGS <<<"${AFTER_ARGS:-$(observability_flags on)}"
# shellcheck source=bench/lib.sh
source bench/lib.sh
AFTER=${AFTER:-$(bench_jar)}
BEFORE=${BEFORE:?set BEFORE to the jar of the other build}
# JVM flags of each build's java, beside -Xms512m -Xmx2g: the same jar twice with different flags compares them
BEFORE_JVM_ARGS=${BEFORE_JVM_ARGS:-}
AFTER_JVM_ARGS=${AFTER_JVM_ARGS:-}
# the java that runs each build: the one on the PATH unless told
BEFORE_JAVA=${BEFORE_JAVA:-java}
AFTER_JAVA=${AFTER_JAVA:-java}
# PROFILE=1: both builds sampled by async-profiler through all their rounds, so their profiles cover the same
# minutes of the machine; bench/out/compare-<build>-cache-<caches>.collapsed, and the samples per request of each
PROFILE=${PROFILE:-}
trap stop_all EXIT
if [[ -n "$PROFILE" ]]; then
	library=$(async_profiler "${ASYNC_PROFILER:-4.1}")
fi

start_upstreams "$AFTER" "$LATENCY_MS"
echo "# before $BEFORE ($BEFORE_JAVA ${BEFORE_ARGS[*]}), after $AFTER ($AFTER_JAVA ${AFTER_ARGS[*]}), load average $(cut -d' ' -f1-3 /proc/loadavg)"
results="$OUT/compare.txt"
: >"$results"
for caches in "${CACHES[@]}"; do
	declare -A pid port
	for build in before after; do
		jar=$BEFORE
		[[ $build == after ]] && jar=$AFTER
		jvm_args=$BEFORE_JVM_ARGS
		[[ $build == after ]] && jvm_args=$AFTER_JVM_ARGS
		java=$BEFORE_JAVA
		[[ $build == after ]] && java=$AFTER_JAVA
		build_args=("${BEFORE_ARGS[@]}")
		[[ $build == after ]] && build_args=("${AFTER_ARGS[@]}")
		JAVA=$java JVM_ARGS=$jvm_args start_gateway "$jar" "$OUT/compare-$build-cache-$caches.log" \
			--gateway.cache.enabled="$caches" "${GATEWAY_ARGS[@]}" "${build_args[@]}"
		pid[$build]=$gateway_pid
		port[$build]=$gateway_port
	done
	# the JIT keeps compiling for a minute or more: every path is exercised on both until it is quiet before
	# anything is measured
	for query in "${QUERIES[@]}"; do
		for build in before after; do
			warm_up "$query" "$CONNECTIONS" "${port[$build]}" "${pid[$build]}"
		done
	done
	if [[ -n "$PROFILE" ]]; then
		for build in before after; do
			start_profiler "$library" "${pid[$build]}"
		done
	fi
	for round in $(seq 1 "$ROUNDS"); do
		order="before after"
		((round % 2 == 0)) && order="after before"
		for query in "${QUERIES[@]}"; do
			for build in $order; do
				measured_load "$query" "$CONNECTIONS" "$ROUND" "${port[$build]}" "${pid[$build]}" |
					sed "s/\$/ caches=$caches query=$query build=$build round=$round/" | tee -a "$results"
			done
		done
	done
	if [[ -n "$PROFILE" ]]; then
		for build in before after; do
			collapsed=$(realpath "$OUT")/compare-$build-cache-$caches.collapsed
			stop_profiler "$library" "${pid[$build]}" "$collapsed"
			# the build's requests from its RESULT lines, its samples from the stacks' counts
			awk -v file="$collapsed" -v build="$build" -v caches="$caches" '
				FILENAME == file { samples += $NF; next }
				index($0, " caches=" caches " ") && index($0, " build=" build " ") {
					match($0, /requests=[0-9]+/)
					requests += substr($0, RSTART + 9, RLENGTH - 9)
				}
				END { printf "# profile of %s, caches %s: %s, %.1f µs of samples per request\n", build, caches, file,
					samples * 1000 / requests }' "$results" "$collapsed"
		done
	fi
	kill "${pid[before]}" "${pid[after]}"
	wait "${pid[before]}" "${pid[after]}" 2>/dev/null || true
done
echo "# load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$results" <<'PY'
import re, statistics, sys
rows = [dict(re.findall(r"(\w+)=([\w.]+)", line)) for line in open(sys.argv[1])]
# CPU per request over all rounds (each build's CPU over its requests) beside the medians: a single round moves
# by a third on a busy machine, the total of six or more by a few percent (bench/RESULTS.md)
print("| caches | query | req/s before | req/s after | after/before | p50 ms before | p50 ms after | CPU ms/request before | CPU ms/request after | CPU over all rounds, after/before |")
print("|---|---|---|---|---|---|---|---|---|---|")
for key in dict.fromkeys((r["caches"], r["query"]) for r in rows):
    def of(build):
        return [r for r in rows if (r["caches"], r["query"]) == key and r["build"] == build]
    def median(build, field):
        return statistics.median(float(r[field]) for r in of(build))
    def overall(build):
        return sum(float(r["cpu_ms_per_request"]) * int(r["requests"]) for r in of(build)) / sum(int(r["requests"]) for r in of(build))
    before, after = median("before", "rps"), median("after", "rps")
    print(f"| {key[0]} | {key[1]} | {before:.1f} | {after:.1f} | {after / before:.2f} | {median('before', 'p50_ms'):.2f} | "
          f"{median('after', 'p50_ms'):.2f} | {median('before', 'cpu_ms_per_request'):.3f} | {median('after', 'cpu_ms_per_request'):.3f} | "
          f"{overall('after'):.3f} / {overall('before'):.3f} = {overall('after') / overall('before'):.2f} |")
print()
for build in ("before", "after"):
    ratios = []
    for round_ in sorted({r["round"] for r in rows}, key=int):
        pick = {r["query"]: float(r["rps"]) for r in rows if r["caches"] == "true" and r["build"] == build and r["round"] == round_}
        if "product" in pick and "typename" in pick:
            ratios.append(f"{100 * pick['product'] / pick['typename']:.0f}%")
    if ratios:
        print(f"warm product / typename, {build}, round by round: {', '.join(ratios)}")
PY
