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
OUT=bench/out
mkdir -p "$OUT"

JAR=$(ls target/tmall-aliexpress-gateway-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "$JAR" || -n "${BUILD:-}" ]]; then
	mvn -q -B -DskipTests package
	JAR=$(ls target/tmall-aliexpress-gateway-*.jar | grep -v original | head -1)
fi
GATEWAY_JAR=${GATEWAY_JAR:-$JAR}

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
TMALL_PORT=$(free_port)
ALIEXPRESS_PORT=$(free_port)
PORT=$(free_port)
MANAGEMENT_PORT=$(free_port)

# credentials made up for this run, known to both processes through the environment only
export TMALL_APP_KEY=bench-tmall ALIEXPRESS_APP_KEY=bench-aliexpress
TMALL_APP_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
ALIEXPRESS_APP_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
export TMALL_APP_SECRET ALIEXPRESS_APP_SECRET
export TMALL_BASE_URL=http://localhost:$TMALL_PORT ALIEXPRESS_BASE_URL=http://localhost:$ALIEXPRESS_PORT

pids=()
stop_all() {
	for pid in "${pids[@]}"; do
		kill -CONT "$pid" 2>/dev/null || true
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
}
trap stop_all EXIT

java -Xmx512m -cp "$JAR" -Dloader.main=eu.tmall.gateway.embedded.EmbeddedUpstreamsMain \
	org.springframework.boot.loader.launch.PropertiesLauncher --tmall-port="$TMALL_PORT" \
	--aliexpress-port="$ALIEXPRESS_PORT" --latency-ms="$LATENCY_MS" --journal-entries=0 >"$OUT/freeze-upstreams.log" 2>&1 &
upstreams_pid=$!
pids+=("$upstreams_pid")

java -Xms512m -Xmx2g -jar "$GATEWAY_JAR" --server.port="$PORT" --management.server.port="$MANAGEMENT_PORT" \
	--gateway.cache.enabled=false --gateway.clients.require-key=false --logging.level.root=WARN \
	--logging.level.eu.tmall.gateway.upstream=INFO --management.endpoint.health.group.readiness.show-details=always \
	>"$OUT/freeze-gateway.log" 2>&1 &
pids+=("$!")

for _ in $(seq 1 120); do
	curl -fs "http://localhost:$MANAGEMENT_PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && break
	sleep 1
done
curl -fs "http://localhost:$MANAGEMENT_PORT/actuator/health/readiness" | grep -q '"UP"' ||
	{ echo "the gateway did not become ready; see $OUT/freeze-gateway.log" >&2; exit 1; }

java bench/FreezeLoad.java "http://localhost:$PORT/graphql" bench/queries/product.json "$CONNECTIONS" "$WARMUP" \
	"$BEFORE" "$FREEZE_MS" "$AFTER" "$upstreams_pid" "http://localhost:$MANAGEMENT_PORT/actuator/health/readiness" |
	tee "$OUT/freeze-result.txt"
