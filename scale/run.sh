#!/usr/bin/env bash
# A local cluster that behaves as one gateway: Debian's redis-server, the embedded upstreams
# as their own process, INSTANCES gateway jars sharing Redis, and HAProxy in front with
# health checks on readiness, all on 127.0.0.1 and free ports, every process stopped by its
# PID at the end. It then shows, through the balancer: a partner's limit held across the
# instances, a persisted query and a product shared between two instances, a rolling
# restart, an instance killed, and Redis stopped and started, under load.
# Usage: scale/run.sh                 (about 4 minutes; writes scale/RESULTS.md)
#        RESULTS=/dev/null scale/run.sh   (CI: the same checks, figures not kept)
# Figures are measurements: run it alone, `flock -x /work/helpers/cpu.lock scale/run.sh` here.
set -euo pipefail
LOAD_BEFORE=$(uptime | sed -E "s/.*load average: //")
cd "$(dirname "$0")/.."

INSTANCES=${INSTANCES:-3}
CONNECTIONS=${CONNECTIONS:-32}
LATENCY_MS=${LATENCY_MS:-20}
OUT=scale/out
RESULTS=${RESULTS:-scale/RESULTS.md}
mkdir -p "$OUT"
rm -f "$OUT"/*.log "$OUT"/stop

install_missing() { # $1 command, $2 Debian package
	if ! command -v "$1" >/dev/null 2>&1 && [[ ! -x "/usr/sbin/$1" ]]; then
		apt-get update -qq && apt-get install -y -qq "$2"
	fi
}
install_missing redis-server redis-server
install_missing haproxy haproxy
install_missing curl curl
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)

JAR=$(ls target/tmall-aliexpress-gateway-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "$JAR" || -n "${BUILD:-}" ]]; then
	mvn -q -B -DskipTests package
	JAR=$(ls target/tmall-aliexpress-gateway-*.jar | grep -v original | head -1)
fi

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
sha256() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
REDIS_PORT=$(free_port)
TMALL_PORT=$(free_port)
ALIEXPRESS_PORT=$(free_port)
LB_PORT=$(free_port)
declare -a PORT MANAGEMENT_PORT GATEWAY_PID
for i in $(seq 1 "$INSTANCES"); do
	PORT[i]=$(free_port)
	MANAGEMENT_PORT[i]=$(free_port)
done

# credentials made up for this run, known to the processes through the environment only
export TMALL_APP_KEY=scale-tmall ALIEXPRESS_APP_KEY=scale-aliexpress
TMALL_APP_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
ALIEXPRESS_APP_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
export TMALL_APP_SECRET ALIEXPRESS_APP_SECRET
export TMALL_BASE_URL=http://127.0.0.1:$TMALL_PORT ALIEXPRESS_BASE_URL=http://127.0.0.1:$ALIEXPRESS_PORT
export REDIS_URL=redis://127.0.0.1:$REDIS_PORT
LIMITED_KEY=scale-limited-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
RECOVERED_KEY=scale-recovered-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')

redis_pid="" upstreams_pid="" haproxy_pid="" load_pid=""
stop_pid() {
	if [[ -n "$1" ]]; then
		kill "$1" 2>/dev/null || true
		wait "$1" 2>/dev/null || true
	fi
}
stop_all() {
	touch "$OUT/stop"
	stop_pid "$load_pid"
	stop_pid "$haproxy_pid"
	for i in $(seq 1 "$INSTANCES"); do
		stop_pid "${GATEWAY_PID[i]:-}"
	done
	stop_pid "$upstreams_pid"
	stop_pid "$redis_pid"
}
trap stop_all EXIT

start_redis() {
	redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$OUT" >>"$OUT/redis.log" 2>&1 &
	redis_pid=$!
	for _ in $(seq 1 50); do
		[[ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]] && return 0
		sleep 0.1
	done
	echo "redis-server did not start; see $OUT/redis.log" >&2
	exit 1
}

start_gateway() { # $1 instance number
	local i=$1
	java -Xms256m -Xmx512m -jar "$JAR" --server.port="${PORT[i]}" --management.server.port="${MANAGEMENT_PORT[i]}" \
		--gateway.clients.require-key=false --gateway.shared.instances="$INSTANCES" \
		--gateway.clients.partners.limited.key-sha256="$(sha256 "$LIMITED_KEY")" \
		--gateway.clients.partners.recovered.key-sha256="$(sha256 "$RECOVERED_KEY")" \
		--management.endpoints.web.exposure.include=health,prometheus \
		--logging.level.root=WARN --logging.level.eu.tmall.gateway.shared=INFO >>"$OUT/gateway-$i.log" 2>&1 &
	GATEWAY_PID[i]=$!
}

readiness() { # $1 instance number; prints the HTTP status of its readiness
	curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${MANAGEMENT_PORT[$1]}/actuator/health/readiness" || true
}

await_ready() { # $1 instance number
	for _ in $(seq 1 240); do
		[[ "$(readiness "$1")" == 200 ]] && return 0
		sleep 0.5
	done
	echo "gateway $1 did not become ready; see $OUT/gateway-$1.log" >&2
	exit 1
}

shared_tier_up() { # $1 instance number; prints gateway_shared_tier_up
	curl -fs "http://127.0.0.1:${MANAGEMENT_PORT[$1]}/actuator/prometheus" 2>/dev/null |
		awk '/^gateway_shared_tier_up/ { print int($2) }' || true
}

upstream_calls() { # $1 instance number; prints the calls it made to the marketplaces
	curl -fs "http://127.0.0.1:${MANAGEMENT_PORT[$1]}/actuator/prometheus" |
		awk '/^http_client_requests_seconds_count/ { sum += $2 } END { print int(sum) }'
}

graphql() { # $1 port, $2 body; prints the answer
	curl -s -H 'Content-Type: application/json' --data "$2" "http://127.0.0.1:$1/graphql"
}

count() { # $1 body file, $2 connections, $3 requests, $4 API key; prints RESULT
	java scale/ScaleLoad.java "http://127.0.0.1:$LB_PORT/graphql" "$1" "$2" "$3" "$OUT/never" "$4"
}

start_load() { # $1 log name: the load through the balancer until $OUT/stop
	rm -f "$OUT/stop"
	java scale/ScaleLoad.java "http://127.0.0.1:$LB_PORT/graphql" bench/queries/product.json "$CONNECTIONS" 0 \
		"$OUT/stop" >"$OUT/$1.txt" 2>&1 &
	load_pid=$!
}

stop_load() { # $1 log name; sets $result to the RESULT line (not in $(…): wait needs this shell)
	touch "$OUT/stop"
	wait "$load_pid" || true
	load_pid=""
	result=$(grep '^RESULT' "$OUT/$1.txt" || { cat "$OUT/$1.txt" >&2; echo "RESULT missing"; })
}

field() { # $1 RESULT line, $2 name; -1 when the line has no such field
	local value
	value=$(grep -oE " $2=[^ ]+" <<<"$1" | cut -d= -f2-)
	echo "${value:--1}"
}

# --- the cluster
start_redis
java -Xmx512m -cp "$JAR" -Dloader.main=eu.tmall.gateway.embedded.EmbeddedUpstreamsMain \
	org.springframework.boot.loader.launch.PropertiesLauncher --tmall-port="$TMALL_PORT" \
	--aliexpress-port="$ALIEXPRESS_PORT" --latency-ms="$LATENCY_MS" --journal-entries=0 >"$OUT/upstreams.log" 2>&1 &
upstreams_pid=$!
for i in $(seq 1 "$INSTANCES"); do
	start_gateway "$i"
done
for i in $(seq 1 "$INSTANCES"); do
	await_ready "$i"
done

{
	cat <<CFG
global
	maxconn 4096
defaults
	mode http
	timeout connect 1s
	timeout client 30s
	timeout server 30s
	# readiness answers in milliseconds, but three JVMs under load on two cores can take
	# a while: a check that times out is no verdict on the instance
	timeout check 3s
	# a request an instance could not answer (refused connection, connection closed
	# before the answer: an instance stopping or killed) goes to another one; the
	# gateway's operations are queries, safe to send again
	retries 3
	option redispatch 1
	retry-on all-retryable-errors
	option http-buffer-request
frontend graphql
	bind 127.0.0.1:$LB_PORT
	default_backend gateways
backend gateways
	balance roundrobin
	option httpchk GET /actuator/health/readiness
	http-check expect status 200
	default-server inter 1s fastinter 500ms fall 3 rise 2
CFG
	for i in $(seq 1 "$INSTANCES"); do
		echo "	server gateway$i 127.0.0.1:${PORT[i]} check port ${MANAGEMENT_PORT[i]}"
	done
} >"$OUT/haproxy.cfg"
"$HAPROXY" -db -f "$OUT/haproxy.cfg" >"$OUT/haproxy.log" 2>&1 &
haproxy_pid=$!
for _ in $(seq 1 100); do
	[[ "$(graphql "$LB_PORT" '{"query":"{ __typename }"}')" == *Query* ]] && break
	sleep 0.2
done
sleep 2 # every server through `rise`

echo "cluster: redis :$REDIS_PORT, upstreams :$TMALL_PORT/:$ALIEXPRESS_PORT, $INSTANCES gateways, haproxy :$LB_PORT"

# --- 1. a partner limited to 100 a minute sends 300 through the balancer
limit=$(count bench/queries/typename.json 16 300 "$LIMITED_KEY")
echo "limit: $limit"

# --- 2. a persisted query registered through instance 1, sent hash-only to instance 2
apq_document='query ScaleApq { __typename }'
apq_hash=$(sha256 "$apq_document")
apq_extensions="\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"$apq_hash\"}}"
graphql "${PORT[1]}" "{\"query\":\"$apq_document\",$apq_extensions}" >/dev/null
sleep 0.5 # the registration is written to Redis after the answer
apq=$(graphql "${PORT[2]}" "{$apq_extensions}")
echo "apq through instance 2: $apq"

# --- 3. a product fetched through instance 1, then through instance 2
product='{"query":"query P($gtin: GTIN!) { product(gtin: $gtin, shipTo: \"FR\") { gtin offers { marketplace price { amount } } } }","variables":{"gtin":"8479235294249"}}'
graphql "${PORT[1]}" "$product" >/dev/null
sleep 0.5 # the offers are written to Redis after the answer
calls_before=$(upstream_calls 2)
product_b=$(graphql "${PORT[2]}" "$product")
calls_after=$(upstream_calls 2)
product_calls=$((calls_after - calls_before))
echo "product through instance 2: $((${#product_b})) bytes, upstream calls by instance 2: $product_calls"

# --- 4. rolling restart under load: each instance in turn gets SIGTERM and comes back
start_load rolling
sleep 5
rolling_log=""
for i in $(seq 1 "$INSTANCES"); do
	from=$(date +%s.%N)
	kill -TERM "${GATEWAY_PID[i]}"
	wait "${GATEWAY_PID[i]}" || true
	start_gateway "$i"
	await_ready "$i"
	sleep 2 # HAProxy's `rise`: two checks 1 s apart
	rolling_log+="${rolling_log:+; }instance $i back after $(printf '%.1f' "$(echo "$(date +%s.%N) - $from" | bc)") s"
done
sleep 3
stop_load rolling
rolling=$result
echo "rolling restart: $rolling ($rolling_log)"

# --- 5. an instance killed (SIGKILL) under load, then started again
start_load killed
sleep 5
kill -KILL "${GATEWAY_PID[INSTANCES]}"
wait "${GATEWAY_PID[INSTANCES]}" 2>/dev/null || true
sleep 5
start_gateway "$INSTANCES"
await_ready "$INSTANCES"
sleep 3
stop_load killed
killed=$result
echo "instance killed: $killed"

# --- 6. redis-server stopped under load, then started again
start_load redis
sleep 5
kill -TERM "$redis_pid"
wait "$redis_pid" 2>/dev/null || true
redis_pid=""
sleep 5
degraded_readiness=$(curl -s "http://127.0.0.1:${MANAGEMENT_PORT[1]}/actuator/health/readiness")
degraded_status=$(readiness 1)
degraded_gauges=""
for i in $(seq 1 "$INSTANCES"); do
	degraded_gauges+="$(shared_tier_up "$i") "
done
start_redis
from=$(date +%s.%N)
for _ in $(seq 1 300); do
	shared=0
	for i in $(seq 1 "$INSTANCES"); do
		[[ "$(shared_tier_up "$i")" == 1 ]] && shared=$((shared + 1))
	done
	[[ $shared == "$INSTANCES" ]] && break
	sleep 0.1
done
back_after=$(printf '%.1f' "$(echo "$(date +%s.%N) - $from" | bc)")
sleep 3
stop_load redis
redis_load=$result
recovered=$(count bench/queries/typename.json 16 300 "$RECOVERED_KEY")
echo "redis stopped: $redis_load; readiness meanwhile $degraded_status; gauges $degraded_gauges; shared again after $back_after s; then $recovered"

# --- verdicts
# within the partners' limit: the 100 of a full bucket, and no more than its greedy refill
# of 100 a minute added while the 300 were sent (a few on a quiet machine, more on a busy
# one), with 3 to spare for rounding
within_limit() { # $1 RESULT line
	local ok allowed
	ok=$(field "$1" ok)
	allowed=$(awk -v seconds="$(field "$1" seconds)" 'BEGIN { print 100 + int(seconds * 100 / 60) + 3 }')
	[[ $ok -ge 100 && $ok -le $allowed ]]
}
failures=()
within_limit "$limit" || failures+=("the limit let $(field "$limit" ok) of 300 through in $(field "$limit" seconds) s")
[[ $(field "$limit" retryAfter) -eq $(($(field "$limit" requests) - $(field "$limit" ok))) ]] ||
	failures+=("not every refusal carried Retry-After")
[[ "$apq" == *'"__typename":"Query"'* && "$apq" != *PersistedQueryNotFound* ]] || failures+=("APQ not shared: $apq")
[[ "$product_b" == *'"offers"'* && $product_calls -eq 0 ]] || failures+=("product not shared: $product_calls calls")
[[ $(field "$rolling" failed) == 0 ]] || failures+=("rolling restart: $(field "$rolling" failed) failed")
[[ $(field "$redis_load" failed) == 0 ]] || failures+=("redis outage: $(field "$redis_load" failed) failed")
[[ "$degraded_readiness" == *'"sharedTier":{"status":"DEGRADED"'* && "$degraded_status" == 200 ]] ||
	failures+=("readiness did not show the shared tier degraded: $degraded_readiness")
[[ $(echo "$back_after < 10" | bc) -eq 1 ]] || failures+=("shared again only after $back_after s")
within_limit "$recovered" ||
	failures+=("after Redis came back the limit let $(field "$recovered" ok) through in $(field "$recovered" seconds) s")

if [[ "$RESULTS" != /dev/null ]]; then
	cat >"$RESULTS" <<MD
# Scale-out results

Command: \`flock -x /work/helpers/cpu.lock scale/run.sh\` ($(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD),
load average before: $LOAD_BEFORE). One machine, 2 cores shared by everything below: $INSTANCES gateway
JVMs (-Xmx512m), the embedded upstreams ($LATENCY_MS ms latency) as their own JVM, redis-server
$(redis-server --version | sed -E 's/.* v=([^ ]+).*/\1/') and HAProxy $("$HAPROXY" -v | head -1 | awk '{print $3}') on 127.0.0.1, and the load client.
Load: $CONNECTIONS closed-loop connections through HAProxy, each sending the next request when the last is
answered (\`bench/queries/product.json\`); failed = not 200, or 200 with GraphQL errors, or no answer.

| Scenario | Result |
|---|---|
| Partner limited to 100/min sends 300 through HAProxy (16 connections) | $(field "$limit" ok) answered with data, statuses $(field "$limit" statuses), Retry-After on $(field "$limit" retryAfter) |
| APQ registered through instance 1, hash only to instance 2 | $( [[ "$apq" == *'"__typename":"Query"'* ]] && echo "hit: \`$apq\`" || echo "MISS: \`$apq\`") |
| Product fetched through instance 1, then through instance 2 | $product_calls upstream calls by instance 2 |
| Rolling restart: each instance in turn SIGTERM, restarted, ready | $(field "$rolling" requests) requests, $(field "$rolling" failed) failed, statuses $(field "$rolling" statuses) in $(field "$rolling" seconds) s; $rolling_log |
| One instance SIGKILLed under load, restarted 5 s later | $(field "$killed" requests) requests, $(field "$killed" failed) failed, statuses $(field "$killed" statuses) |
| redis-server stopped under load for 5 s, then started | $(field "$redis_load" requests) requests, $(field "$redis_load" failed) failed; readiness $degraded_status with sharedTier DEGRADED; \`gateway_shared_tier_up\` per instance: $degraded_gauges; all instances shared again $back_after s after Redis started, with no request needed |
| Another partner limited to 100/min sends 300 once Redis is back (one shared bucket again) | $(field "$recovered" ok) answered with data, statuses $(field "$recovered" statuses) |

No request failed at the client because HAProxy re-sends one that an instance refused or cut off
(\`retry-on all-retryable-errors\`, \`option redispatch\`): the requests in flight on the killed instance
were answered by another, and with \`retries 0\` they would be the only failures.

$( ((${#failures[@]})) && printf 'FAILED: %s\n' "${failures[@]}" || echo "Every check passed.")
MD
fi

if ((${#failures[@]})); then
	printf 'FAILED: %s\n' "${failures[@]}" >&2
	exit 1
fi
echo "scale: every check passed"
