#!/usr/bin/env bash
# The gateway in a real supergraph (issue 18): starts the jar (embedded upstreams, a partner
# key made up for this run) and a small "reviews" subgraph (graphql-yoga + @apollo/subgraph,
# scripts/federation/reviews.mjs) that extends Product by its gtin; composes the two from
# their `_service { sdl }` with The Guild's federation-composition; serves the supergraph
# with Hive Gateway; and runs queries through it that cross both ways, each compared with
# the same data asked of the gateway directly (scripts/federation/check.mjs). Everything on
# 127.0.0.1, free ports, stopped by PID. Needs Node 20+ and npm (the npm packages are
# installed into a temporary folder); builds the jar if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

COMPOSITION_VERSION=0.27.0
HIVE_GATEWAY_VERSION=2.15.1
YOGA_VERSION=5.24.1
APOLLO_SUBGRAPH_VERSION=2.15.1
GRAPHQL_VERSION=16.11.0
SHIP_TO=FR

jar=$(ls target/tmall-aliexpress-gateway-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
	mvn -B -q -DskipTests package
	jar=$(ls target/tmall-aliexpress-gateway-*.jar | grep -v original | head -1)
fi

work=$(mktemp -d)
pids=()
stop() { # pid: asked to stop, then killed if still running 10 s later
	kill "$1" 2>/dev/null || return 0
	for _ in $(seq 1 20); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.5
	done
	kill -9 "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}
cleanup() {
	for pid in "${pids[@]}"; do
		stop "$pid"
	done
	rm -rf "$work"
}
trap cleanup EXIT

# four free ports held at once, so they differ: the gateway's, its actuator's, the reviews
# subgraph's and the router's
read -r port management_port reviews_port router_port < <(node -e "const net = require('net');
const servers = [];
const next = () => {
	if (servers.length === 4) {
		console.log(servers.map((s) => s.address().port).join(' '));
		servers.forEach((s) => s.close());
		return;
	}
	const s = net.createServer().listen(0, '127.0.0.1', next);
	servers.push(s);
};
next();")
X_API_KEY=$(node -e "console.log(require('crypto').randomBytes(24).toString('hex'))")
export X_API_KEY
key_sha256=$(printf %s "$X_API_KEY" | sha256sum | cut -d' ' -f1)

java -jar "$jar" --server.port="$port" --management.server.port="$management_port" --gateway.embedded.latency=0ms \
	--gateway.clients.partners.supergraph.key-sha256="$key_sha256" \
	--gateway.clients.partners.supergraph.rate-limit.capacity=10000 \
	--gateway.clients.partners.supergraph.rate-limit.refill=10000 >"$work/gateway.log" 2>&1 &
pids+=($!)
gateway_pid=$!

(cd "$work" && npm install --no-save --no-audit --no-fund --silent \
	"@theguild/federation-composition@$COMPOSITION_VERSION" "@graphql-hive/gateway@$HIVE_GATEWAY_VERSION" \
	"graphql-yoga@$YOGA_VERSION" "@apollo/subgraph@$APOLLO_SUBGRAPH_VERSION" "graphql@$GRAPHQL_VERSION" >/dev/null)
cp scripts/federation/*.mjs "$work/"

await() { # url pid log what
	for _ in $(seq 1 120); do
		if curl -fs -o /dev/null "$1"; then
			return 0
		fi
		if ! kill -0 "$2" 2>/dev/null; then
			cat "$3"
			echo "$4 did not start" >&2
			return 1
		fi
		sleep 1
	done
	cat "$3"
	echo "$4 did not answer in 120 s" >&2
	return 1
}
await "http://127.0.0.1:$management_port/actuator/health" "$gateway_pid" "$work/gateway.log" "the gateway"

gateway="http://127.0.0.1:$port/graphql"
gtins=$(curl -fs "$gateway" -H 'Content-Type: application/json' -H "X-Api-Key: $X_API_KEY" \
	-d "{\"query\":\"{ search(query: \\\"e\\\", shipTo: \\\"$SHIP_TO\\\", first: 4) { edges { node { gtin } } } }\"}" |
	node -e "let s = ''; process.stdin.on('data', (d) => s += d).on('end', () =>
		console.log(JSON.parse(s).data.search.edges.map((e) => e.node.gtin).join(',')))")

node "$work/reviews.mjs" "$reviews_port" "$gtins" >"$work/reviews.log" 2>&1 &
pids+=($!)
await "http://127.0.0.1:$reviews_port/graphql?query=%7B__typename%7D" "$!" "$work/reviews.log" "the reviews subgraph"

(cd "$work" && node compose.mjs supergraph.graphql "gateway=$gateway" \
	"reviews=http://127.0.0.1:$reviews_port/graphql")

node "$work/router.mjs" "$router_port" "$work/supergraph.graphql" >"$work/router.log" 2>&1 &
pids+=($!)
await "http://127.0.0.1:$router_port/healthcheck" "$!" "$work/router.log" "Hive Gateway"

(cd "$work" && node check.mjs "http://127.0.0.1:$router_port/graphql" "$gateway" "$SHIP_TO")
echo "federation check: the gateway composes into a supergraph and answers through Hive Gateway"
