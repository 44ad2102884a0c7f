#!/usr/bin/env bash
# Runs the GraphQL-over-HTTP conformance audit of the npm package graphql-http against
# the gateway jar: starts it on a free port with a partner key made up for this run,
# installs graphql-http into a temporary folder, prints every audit and fails on any
# error-level (MUST) failure. Needs Node 20+ and npm; builds the jar if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

GRAPHQL_HTTP_VERSION=1.23.1
GRAPHQL_VERSION=16.11.0

jar=$(ls target/tmall-aliexpress-gateway-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
	mvn -B -q -DskipTests package
	jar=$(ls target/tmall-aliexpress-gateway-*.jar | grep -v original | head -1)
fi

work=$(mktemp -d)
gateway_pid=
cleanup() {
	if [ -n "$gateway_pid" ]; then
		kill "$gateway_pid" 2>/dev/null || true
		wait "$gateway_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

# two free ports held at once, so they differ: the public one, and actuator's, where health is read
read -r port management_port < <(node -e "const net = require('net');
const a = net.createServer().listen(0, '127.0.0.1', () => {
	const b = net.createServer().listen(0, '127.0.0.1', () => {
		console.log(a.address().port + ' ' + b.address().port); a.close(); b.close();
	});
});")
AUDIT_API_KEY=$(node -e "console.log(require('crypto').randomBytes(24).toString('hex'))")
export AUDIT_API_KEY
key_sha256=$(printf %s "$AUDIT_API_KEY" | sha256sum | cut -d' ' -f1)

java -jar "$jar" --server.port="$port" --management.server.port="$management_port" --gateway.embedded.latency=0ms \
	--gateway.clients.partners.audit.key-sha256="$key_sha256" \
	--gateway.clients.partners.audit.rate-limit.capacity=10000 \
	--gateway.clients.partners.audit.rate-limit.refill=10000 >"$work/gateway.log" 2>&1 &
gateway_pid=$!

(cd "$work" && npm install --no-save --no-audit --no-fund --silent \
	"graphql-http@$GRAPHQL_HTTP_VERSION" "graphql@$GRAPHQL_VERSION" >/dev/null)
cp scripts/graphql-http-audit.mjs "$work/"

for _ in $(seq 1 120); do
	if curl -fs "http://127.0.0.1:$management_port/actuator/health" >/dev/null; then
		break
	fi
	if ! kill -0 "$gateway_pid" 2>/dev/null; then
		cat "$work/gateway.log"
		echo "the gateway did not start" >&2
		exit 1
	fi
	sleep 1
done

echo "graphql-http@$GRAPHQL_HTTP_VERSION auditing http://127.0.0.1:$port/graphql"
node "$work/graphql-http-audit.mjs" "http://127.0.0.1:$port/graphql"
