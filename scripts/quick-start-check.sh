#!/usr/bin/env bash
# The README's Quick start as a newcomer runs it: `mvn spring-boot:run`, then the curl of
# its first screen, with no key. Fails unless that curl is answered, and unless the same
# curl to the jar (`java -jar`, production defaults) is refused with 401. Free ports
# instead of 8080 and 8081; needs curl, and Node only to find the free ports.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
run_pid=
jar_pid=
cleanup() {
	# spring-boot:run forks the application's JVM: stop Maven's whole process group
	if [ -n "$run_pid" ]; then
		kill -- "-$run_pid" 2>/dev/null || true
		wait "$run_pid" 2>/dev/null || true
	fi
	if [ -n "$jar_pid" ]; then
		kill "$jar_pid" 2>/dev/null || true
		wait "$jar_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

free_ports() {
	node -e "const net = require('net');
const a = net.createServer().listen(0, '127.0.0.1', () => {
	const b = net.createServer().listen(0, '127.0.0.1', () => {
		console.log(a.address().port + ' ' + b.address().port); a.close(); b.close();
	});
});"
}

await_health() { # port pid log
	for _ in $(seq 1 180); do
		if curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null; then
			return 0
		fi
		if ! kill -0 "$2" 2>/dev/null; then
			cat "$3"
			echo "the gateway did not start" >&2
			return 1
		fi
		sleep 1
	done
	echo "the gateway did not get healthy in 180 s" >&2
	return 1
}

# the README's curl, the port aside
first_request() {
	curl -s -o "$work/answer.json" -w '%{http_code}' "http://localhost:$1/graphql" \
		-H 'Content-Type: application/json' -d '{"query":"{ __typename }"}'
}

read -r port management_port < <(free_ports)
# in a process group of its own (setsid), which cleanup stops whole
setsid mvn -B -q spring-boot:run \
	-Dspring-boot.run.arguments="--server.port=$port --management.server.port=$management_port" \
	>"$work/run.log" 2>&1 &
run_pid=$!
await_health "$management_port" "$run_pid" "$work/run.log"
status=$(first_request "$port")
if [ "$status" != 200 ] || ! grep -q '"__typename":"Query"' "$work/answer.json"; then
	echo "mvn spring-boot:run answered the Quick start curl with $status: $(cat "$work/answer.json")" >&2
	exit 1
fi
echo "mvn spring-boot:run (profile local): the Quick start curl without a key: $status $(cat "$work/answer.json")"

jar=$(ls target/tmall-aliexpress-gateway-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
	mvn -B -q -DskipTests package
	jar=$(ls target/tmall-aliexpress-gateway-*.jar | grep -v original | head -1)
fi
read -r port management_port < <(free_ports)
java -jar "$jar" --server.port="$port" --management.server.port="$management_port" >"$work/jar.log" 2>&1 &
jar_pid=$!
await_health "$management_port" "$jar_pid" "$work/jar.log"
status=$(first_request "$port")
if [ "$status" != 401 ]; then
	echo "java -jar answered the Quick start curl without a key with $status, not 401" >&2
	exit 1
fi
echo "java -jar (production defaults): the same curl: $status"
