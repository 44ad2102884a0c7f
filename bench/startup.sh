#!/usr/bin/env bash
# Start-up as an orchestrator sees it: from `java -jar` to readiness UP, then how soon the gateway answers at
# speed. For each run it starts the jar on its embedded upstreams, polls /actuator/health/readiness on the
# management port every 50 ms, sends one `product` request the moment readiness is UP (the first shopper), then
# puts CONNECTIONS connections of the same query on it for LOAD seconds, counting answers and errors second by
# second (timeline.lua). Steady state is the median of the last STEADY seconds; "at speed" is the first second
# after readiness from which three seconds in a row average 90% of it or more.
# Usage: bench/startup.sh                       (3 runs on the default java, about 9 minutes)
#        RUNS=1 LOAD=60 bench/startup.sh
#        JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/startup.sh
#        ARGS="--gateway.warm-up.enabled=false" bench/startup.sh    (as it started before the warm-up)
#        JAR=/path/to/another.jar bench/startup.sh
# Measure on a quiet machine: flock -x /work/helpers/cpu.lock bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx2g}
ARGS=${ARGS:-}
LATENCY=${LATENCY:-20ms}
QUERY=${QUERY:-product}
CONNECTIONS=${CONNECTIONS:-16}
LOAD=${LOAD:-150}
STEADY=${STEADY:-30}
RUNS=${RUNS:-3}
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

echo "# $("$JAVA" -version 2>&1 | head -1); JAVA_OPTS=$JAVA_OPTS ARGS=$ARGS; load $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
	port=$(free_port)
	management_port=$(free_port)
	log="$OUT/startup-$run.log"
	started=$(now)
	# shellcheck disable=SC2086
	"$JAVA" $JAVA_OPTS -jar "$JAR" --server.port="$port" --management.server.port="$management_port" \
		--gateway.embedded.latency="$LATENCY" --gateway.embedded.journal-entries=0 \
		--gateway.clients.require-key=false --logging.level.root=WARN \
		--logging.level.eu.tmall.gateway.GatewayApplication=INFO --logging.level.eu.tmall.gateway.startup=INFO \
		$ARGS >"$log" 2>&1 &
	gateway_pid=$!
	ready=""
	for _ in $(seq 1 2400); do
		status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$management_port/actuator/health/readiness" || true)
		if [[ "$status" == 200 ]]; then
			ready=$(now)
			break
		fi
		kill -0 "$gateway_pid" 2>/dev/null || break
		sleep 0.05
	done
	if [[ -z "$ready" ]]; then
		echo "the gateway did not become ready; see $log" >&2
		exit 1
	fi
	first=$(curl -s -o "$OUT/startup-first-$run.json" -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' \
		--data-binary "@bench/queries/$QUERY.json" "http://127.0.0.1:$port/graphql")
	BENCH_BODY="bench/queries/$QUERY.json" wrk -t1 -c"$CONNECTIONS" -d"${LOAD}s" --timeout 5s --latency \
		-s bench/timeline.lua "http://127.0.0.1:$port/graphql" >"$OUT/startup-timeline-$run.txt"
	stop_gateway
	python3 - "$started" "$ready" "$first" "$STEADY" "$OUT/startup-timeline-$run.txt" "$OUT/startup-first-$run.json" <<'EOF'
import json, statistics, sys
started, ready, first, steady_seconds, timeline, first_body = sys.argv[1:7]
started, ready, steady_seconds = float(started), float(ready), int(steady_seconds)
first_status, first_seconds = first.split()
first_errors = "errors" in json.load(open(first_body)) if first_status == "200" else True
ticks, result = [], {}
for line in open(timeline):
    if not line.startswith(("TICK", "RESULT")):
        continue
    fields = dict(f.split("=") for f in line.split()[1:])
    if line.startswith("TICK"):
        ticks.append((int(fields["epoch"]), int(fields["answers"]), int(fields["errors"])))
    elif line.startswith("RESULT"):
        result = fields
full = ticks[1:-1]  # the first and last seconds are partial
steady = statistics.median(n for _, n, _ in full[-steady_seconds:])
at_speed = next((max(0.0, full[i][0] - ready) for i in range(len(full) - 2)
                 if sum(n for _, n, _ in full[i:i + 3]) / 3 >= 0.9 * steady), float("nan"))
errors_first_minute = sum(e for epoch, _, e in ticks if epoch < ready + 60)
print(f"STARTUP ready_s={ready - started:.2f} first_{'ok' if not first_errors else 'FAILED'}_ms={float(first_seconds) * 1000:.0f} "
      f"steady_rps={steady:.0f} at_speed_after_ready_s={at_speed:.0f} errors_first_minute={errors_first_minute} "
      f"socket_errors={result.get('socket_errors')} p99_ms={result.get('p99_ms')} max_ms={result.get('max_ms')}")
print("  rps by second after ready: " + " ".join(str(n) for _, n, _ in full[:30]))
EOF
done
