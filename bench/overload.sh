#!/usr/bin/env bash
# Overload benchmark: cold `product` (caches off, a new GTIN on every request) past the point where
# throughput stops rising. Finds that point (the knee), then loads 1x, 2x and 4x its connections and
# reports for each the goodput (answers with both marketplaces' offers and no error), the admitted
# answers' latency, the refusals (503 OVERLOADED) and their latency, the admission limit and whether a
# circuit breaker opened; then, a minute after the load stops, the p50 against its unloaded value.
# Usage: bench/overload.sh                                  (about 9 minutes; prints a Markdown table)
#        WARMUP=60 STEP=15 DURATION=30 REST=60 bench/overload.sh
#        KNEE_STEPS="16 32 64 128" bench/overload.sh      (the connection counts the knee is looked for in)
#        GATEWAY_ARGS="--gateway.admission.algorithm=vegas" bench/overload.sh   (more gateway arguments)
#        HONOR_RETRY_AFTER=1 bench/overload.sh             (refused connections wait their Retry-After)
#        GATEWAY_CPUS=0 LOAD_CPUS=1 bench/overload.sh      (the gateway and wrk each on cores of their own)
# Besides what wrk sees, each step reports the gateway's own time for its 503s (http.server.requests).
set -euo pipefail
cd "$(dirname "$0")/.."

LATENCY=${LATENCY:-20ms}
WARMUP=${WARMUP:-90}
STEP=${STEP:-15}
DURATION=${DURATION:-30}
REST=${REST:-60}
read -ra KNEE_STEPS <<<"${KNEE_STEPS:-8 16 32 64 128 256}"
read -ra GATEWAY_ARGS <<<"${GATEWAY_ARGS:-}"
# taskset prefixes: empty runs both on every core
read -ra ON_GATEWAY_CPUS <<<"${GATEWAY_CPUS:+taskset -c $GATEWAY_CPUS}"
read -ra ON_LOAD_CPUS <<<"${LOAD_CPUS:+taskset -c $LOAD_CPUS}"
OUT=bench/out/overload
# wrk, bench_jar and free_port
# shellcheck source=bench/lib.sh
source bench/lib.sh
JAR=$(bench_jar)
PORT=${PORT:-$(free_port)}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$(free_port)}

# the GTINs sold on both marketplaces, from the embedded catalog the jar generates
rm -rf "$OUT/jar"
java -Djarmode=tools -jar "$JAR" extract --destination "$OUT/jar" >/dev/null
java -cp "$OUT/jar/$(basename "$JAR"):$OUT/jar/lib/*" bench/SharedGtins.java >"$OUT/gtins.txt"
export BENCH_GTINS="$OUT/gtins.txt" BENCH_HONOR_RETRY_AFTER="${HONOR_RETRY_AFTER:-0}"

gateway_pid=""
poller_pid=""
stop() {
	[[ -n "$poller_pid" ]] && kill "$poller_pid" 2>/dev/null || true
	if [[ -n "$gateway_pid" ]]; then
		kill "$gateway_pid" 2>/dev/null || true
		wait "$gateway_pid" 2>/dev/null || true
	fi
}
trap stop EXIT

"${ON_GATEWAY_CPUS[@]}" java -Xms512m -Xmx2g -jar "$JAR" --server.port="$PORT" --management.server.port="$MANAGEMENT_PORT" \
	--gateway.embedded.latency="$LATENCY" --gateway.cache.enabled=false --gateway.embedded.journal-entries=0 \
	--gateway.clients.require-key=false --logging.level.eu.tmall.gateway.requests=WARN \
	"${GATEWAY_ARGS[@]}" >"$OUT/gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 90); do
	curl -fs "http://localhost:$MANAGEMENT_PORT/actuator/health/readiness" >/dev/null 2>&1 && break
	sleep 1
done

overload() { # $1 connections, $2 seconds; prints the script's RESULT line
	"${ON_LOAD_CPUS[@]}" wrk -t"$1" -c"$1" -d"$2s" --timeout 10s -s bench/overload.lua "http://localhost:$PORT/graphql" |
		tee -a "$OUT/wrk.txt" | grep '^RESULT'
}

field() { # $1 name, $2 RESULT line
	sed -E "s/.*[ ]$1=([0-9.]+).*/\1/" <<<"$2"
}

# one line a second: the admission limit, requests in flight, breakers open or half-open
poll() {
	while true; do
		curl -fs "http://localhost:$MANAGEMENT_PORT/actuator/prometheus" | awk '
			/^gateway_admission_limit / { limit = $2 }
			/^gateway_admission_in_flight / { inflight = $2 }
			/^resilience4j_circuitbreaker_state\{.*state="(open|half_open|forced_open)"/ { open += $2 }
			END { printf "limit=%d in_flight=%d breakers_not_closed=%d\n", limit, inflight, open }'
		sleep 1
	done
}

# the gateway's own timer of the 503 answers, from the moment WebFlux has the request to its answer's end: the
# cumulative buckets of http.server.requests for status 503, "le count" a line
refused_buckets() {
	curl -fs "http://localhost:$MANAGEMENT_PORT/actuator/prometheus" |
		awk '/^http_server_requests_seconds_bucket\{.*status="503"/ {
			match($0, /le="[^"]+"/); le = substr($0, RSTART + 4, RLENGTH - 5); count[le] += $2 }
			END { for (le in count) print le, count[le] }'
}

# p50 and p99 in ms of the 503s between two snapshots of refused_buckets, as Prometheus' histogram_quantile
refused_server_quantiles() { # $1 before file, $2 after file
	python3 - "$1" "$2" <<'QUANTILES'
import sys
def read(path):
    out = {}
    for line in open(path):
        le, n = line.split()
        out[float("inf") if le == "+Inf" else float(le)] = float(n)
    return out
before, after = read(sys.argv[1]), read(sys.argv[2])
buckets = sorted((le, after[le] - before.get(le, 0)) for le in after)
total = buckets[-1][1] if buckets else 0
def quantile(q):
    if total == 0:
        return 0.0
    rank, lower, below = q * total, 0.0, 0.0
    for le, n in buckets:
        if n >= rank:
            if le == float("inf"):
                return lower * 1000
            return (lower + (le - lower) * (rank - below) / max(n - below, 1e-9)) * 1000
        lower, below = le, n
    return lower * 1000
print(f"refused_server_p50_ms={quantile(0.5):.2f} refused_server_p99_ms={quantile(0.99):.2f}")
QUANTILES
}

not_permitted() { # calls both breakers refused while open, since the start
	curl -fs "http://localhost:$MANAGEMENT_PORT/actuator/prometheus" |
		awk '/^resilience4j_circuitbreaker_not_permitted_calls_total/ { total += $2 } END { printf "%d\n", total }'
}

: >"$OUT/wrk.txt"
echo "warming up for ${WARMUP}s at 16 connections" >&2
overload 16 "$WARMUP" >/dev/null
unloaded=$(overload 1 10)
echo "unloaded (1 connection): $unloaded" >&2

knee=""
peak=0
previous_connections=""
previous_goodput=0
for connections in "${KNEE_STEPS[@]}"; do
	line=$(overload "$connections" "$STEP")
	goodput=$(field goodput_rps "$line")
	echo "step $connections connections: $line" >&2
	peak=$(python3 -c "print(max($peak, $goodput))")
	if [[ -z "$knee" && -n "$previous_connections" ]] &&
		python3 -c "import sys; sys.exit(0 if $goodput < 1.1 * $previous_goodput else 1)"; then
		knee=$previous_connections
	fi
	previous_connections=$connections
	previous_goodput=$goodput
done
knee=${knee:-$previous_connections}
echo "knee: $knee connections, peak goodput $peak answers/s" >&2

rows=()
for multiple in 1 2 4; do
	connections=$((knee * multiple))
	before=$(not_permitted)
	refused_buckets >"$OUT/refused-before-$multiple.txt"
	poll >"$OUT/poll-$multiple.txt" &
	poller_pid=$!
	line=$(overload "$connections" "$DURATION")
	kill "$poller_pid" 2>/dev/null || true
	wait "$poller_pid" 2>/dev/null || true
	poller_pid=""
	after=$(not_permitted)
	refused_buckets >"$OUT/refused-after-$multiple.txt"
	line="$line $(refused_server_quantiles "$OUT/refused-before-$multiple.txt" "$OUT/refused-after-$multiple.txt")"
	limits=$(sed -E 's/limit=([0-9]+).*/\1/' "$OUT/poll-$multiple.txt" | sort -n | awk 'NR == 1 { min = $1 } { max = $1 } END { print min "-" max }')
	breakers=$(sed -E 's/.*breakers_not_closed=([0-9]+).*/\1/' "$OUT/poll-$multiple.txt" | sort -n | tail -1)
	echo "${multiple}x ($connections connections): $line limit=$limits breakers_not_closed_max=$breakers not_permitted=$((after - before))" >&2
	rows+=("$(python3 - "$line" "$multiple" "$connections" "$peak" "$limits" "$breakers" "$((after - before))" <<'EOF'
import re, sys
line, multiple, connections, peak, limits, breakers, not_permitted = sys.argv[1:]
f = {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", line)}
share = 100 * f["good"] / max(f["answers"], 1)
print(f"| {multiple}x | {connections} | {f['answers'] / f['seconds']:.0f} | {f['goodput_rps']:.0f} "
      f"({100 * f['goodput_rps'] / float(peak):.0f}% of peak) | {share:.0f}% | {f['admitted_p50_ms']:.0f} | "
      f"{f['admitted_p99_ms']:.0f} | {f['admitted_max_ms']:.0f} | {int(f['refused'])} | {f['refused_p50_ms']:.1f} | "
      f"{f['refused_p99_ms']:.1f} | {f['refused_server_p50_ms']:.1f} | {f['refused_server_p99_ms']:.1f} | "
      f"{int(f['other'])} | {int(f['socket_errors'])} | {limits} | {breakers} | {not_permitted} |")
EOF
)")
done

echo "resting ${REST}s" >&2
sleep "$REST"
recovered=$(overload 1 10)
echo "a minute after (1 connection): $recovered" >&2

{
	echo "Knee: $knee connections (goodput stops rising by 10% when they double); peak goodput $(printf '%.0f' "$peak") answers/s."
	echo
	echo "| load | connections | answers/s | goodput/s | good share | admitted p50 ms | admitted p99 ms | admitted max ms | refused (503) | refused p50 ms | refused p99 ms | refused in the gateway p50 ms | p99 ms | other | socket errors | admission limit | breakers not closed | not-permitted calls |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
	printf '%s\n' "${rows[@]}"
	echo
	echo "p50 at 1 connection: $(field admitted_p50_ms "$unloaded") ms before the load, $(field admitted_p50_ms "$recovered") ms ${REST} s after it stopped."
} | tee "$OUT/summary.md"
