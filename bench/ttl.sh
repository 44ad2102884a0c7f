#!/usr/bin/env bash
# Latency across the offers' TTL boundary: warm `products` of 50 GTINs at 64 connections, with a short offers TTL,
# so that every TTL seconds the 50 cached offers of each marketplace expire at once. The query is primed once (the
# offers' fetch time, T0), the JIT warmed with WARMUP seconds of the same load, then wrk runs back to back in
# windows of WINDOW seconds for MEASURE seconds, each window printing its p99. A window is "across a boundary" when
# T0 + k * TTL falls inside it, "mid-TTL" otherwise. Each window is a wrk run of its own, whose connections open
# at its start: in windows of 2 s, those first requests alone put some windows' p99 above a second, boundary or
# not, so the windows are long enough (10 s) for them to stay under the 1% that p99 looks at.
# Usage: bench/ttl.sh                         (about 3 minutes)
#        JAR=/path/to/another.jar bench/ttl.sh  (e.g. the build before a change)
# Measure on a quiet machine: flock -x /work/helpers/cpu.lock bench/ttl.sh
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx2g}
LATENCY=${LATENCY:-20ms}
TTL=${TTL:-30}
WINDOW=${WINDOW:-10}
WARMUP=${WARMUP:-45}
MEASURE=${MEASURE:-120}
CONNECTIONS=${CONNECTIONS:-64}
QUERY=${QUERY:-products50}
# wrk, free_port and bench_jar
source bench/lib.sh
JAR=${JAR:-$(bench_jar)}

gateway_pid=""
stop_gateway() {
	if [[ -n "$gateway_pid" ]]; then
		kill "$gateway_pid" 2>/dev/null || true
		wait "$gateway_pid" 2>/dev/null || true
		gateway_pid=""
	fi
}
trap stop_gateway EXIT

now() { date +%s.%N; }

port=$(free_port)
management_port=$(free_port)
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS -jar "$JAR" --server.port="$port" --management.server.port="$management_port" \
	--gateway.embedded.latency="$LATENCY" --gateway.embedded.journal-entries=0 --gateway.clients.require-key=false \
	--gateway.cache.offers.ttl="${TTL}s" --logging.level.root=WARN >"$OUT/ttl-gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 600); do
	curl -fs "http://127.0.0.1:$management_port/actuator/health/readiness" >/dev/null 2>&1 && break
	sleep 0.1
done
echo "# $JAR, offers TTL ${TTL}s, $QUERY at $CONNECTIONS connections, windows of ${WINDOW}s; load $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(now)
curl -fs -o /dev/null -H 'Content-Type: application/json' --data-binary "@bench/queries/$QUERY.json" \
	"http://127.0.0.1:$port/graphql"
BENCH_BODY="bench/queries/$QUERY.json" wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 5s -s bench/graphql.lua \
	"http://127.0.0.1:$port/graphql" >/dev/null
upstream_calls() { # every attempt to call an upstream so far, from the gateway's own metric
	curl -fs "http://127.0.0.1:$management_port/actuator/prometheus" |
		awk '/^http_client_requests_seconds_count/ { sum += $NF } END { printf "%d\n", sum }'
}
: >"$OUT/ttl-windows.txt"
calls_before=$(upstream_calls)
end=$(python3 -c "print($(now) + $MEASURE)")
while python3 -c "import sys; sys.exit(0 if $(now) < $end else 1)"; do
	start=$(now)
	line=$(BENCH_BODY="bench/queries/$QUERY.json" wrk -t1 -c"$CONNECTIONS" -d"${WINDOW}s" --timeout 5s --latency \
		-s bench/graphql.lua "http://127.0.0.1:$port/graphql" | grep '^RESULT')
	echo "WINDOW from=$(python3 -c "print(round($start - $t0, 2))") to=$(python3 -c "print(round($(now) - $t0, 2))") $line" |
		tee -a "$OUT/ttl-windows.txt"
done
calls=$(($(upstream_calls) - calls_before))
python3 - "$OUT/ttl-windows.txt" "$TTL" "$calls" <<'EOF'
import statistics, sys
ttl = float(sys.argv[2])
across, mid = [], []
for line in open(sys.argv[1]):
    fields = dict(f.split("=") for f in line.split()[1:] if "=" in f)
    start, end, p99 = float(fields["from"]), float(fields["to"]), float(fields["p99_ms"])
    if int(start // ttl) != int(end // ttl):
        across.append(p99)
    else:
        mid.append(p99)
print(f"SUMMARY p99_ms across_boundary={[round(p) for p in across]} mid_ttl={[round(p) for p in mid]} "
      f"worst_across={max(across):.0f} median_mid={statistics.median(mid):.0f} "
      f"ratio={max(across) / statistics.median(mid):.2f} upstream_calls={sys.argv[3]} boundaries={len(across)}")
EOF
