#!/usr/bin/env bash
# The upstream freeze under load: the embedded upstreams run in a process of their own, frozen
# with SIGSTOP for FREEZE_MS while CONNECTIONS closed-loop clients ask for a cold `product`
# (caches off, so every request calls both marketplaces). bench/FreezeLoad.java judges every
# answer by when it was sent and answered against the freeze, and follows the breakers' states
# in readiness.
# Usage: bench/freeze.sh                         (about 2 minutes; prints RESULT and BREAKERS lines)
#        GATEWAY_JAR=other.jar bench/freeze.sh   (another build of the gateway, e.g. before a change;
#                                                 the upstreams still run from this build's jar)
#        BUILD=1 bench/freeze.sh                 (rebuild this build's jar first)
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${CONNECTIONS:-64}
LATENCY_MS=${LATENCY_MS:-20}
WARMUP=${WARMUP:-60}
BEFORE=${BEFORE:-10}
FREEZE_MS=${FREEZE_MS:-2500}
AFTER=${AFTER:-15}
# the upstreams in a process of their own, and free ports
# shellcheck source=bench/lib.sh
source bench/lib.sh
JAR=$(bench_jar)
GATEWAY_JAR=${GATEWAY_JAR:-$JAR}
PORT=$(free_port)
MANAGEMENT_PORT=$(free_port)

# a frozen process ends only once continued
stop_frozen() {
	kill -CONT "${bench_pids[@]}" 2>/dev/null || true
	stop_all
}
trap stop_frozen EXIT

start_upstreams "$JAR" "$LATENCY_MS"

java -Xms512m -Xmx2g -jar "$GATEWAY_JAR" --server.port="$PORT" --management.server.port="$MANAGEMENT_PORT" \
	--gateway.cache.enabled=false --gateway.clients.require-key=false --logging.level.root=WARN \
	--logging.level.eu.tmall.gateway.upstream=INFO --management.endpoint.health.group.readiness.show-details=always \
	>"$OUT/freeze-gateway.log" 2>&1 &
bench_pids+=("$!")

for _ in $(seq 1 120); do
	curl -fs "http://localhost:$MANAGEMENT_PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && break
	sleep 1
done
curl -fs "http://localhost:$MANAGEMENT_PORT/actuator/health/readiness" | grep -q '"UP"' ||
	{ echo "the gateway did not become ready; see $OUT/freeze-gateway.log" >&2; exit 1; }

java bench/FreezeLoad.java "http://localhost:$PORT/graphql" bench/queries/product.json "$CONNECTIONS" "$WARMUP" \
	"$BEFORE" "$FREEZE_MS" "$AFTER" "$upstreams_pid" "http://localhost:$MANAGEMENT_PORT/actuator/health/readiness" |
	tee "$OUT/freeze-result.txt"
