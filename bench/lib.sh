# shellcheck shell=bash
# What bench/run.sh, bench/compare.sh and bench/profile.sh share: the embedded upstreams in a process of
# their own (so the gateway's CPU can be read apart from theirs), gateways against them on free ports, wrk,
# and the CPU a process has used. Source it from the repository's root.

OUT=${OUT:-bench/out}
mkdir -p "$OUT"

if ! command -v wrk >/dev/null 2>&1; then
	apt-get update -qq && apt-get install -y -qq wrk
fi

# the jar of this checkout, built when missing or when BUILD is set
bench_jar() {
	local jar
	jar=$(ls target/tmall-aliexpress-gateway-*.jar 2>/dev/null | grep -v original | head -1 || true)
	if [[ -z "$jar" || -n "${BUILD:-}" ]]; then
		mvn -q -B -DskipTests package >&2
		jar=$(ls target/tmall-aliexpress-gateway-*.jar | grep -v original | head -1)
	fi
	echo "$jar"
}

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

bench_pids=()
stop_all() {
	for pid in "${bench_pids[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	bench_pids=()
}

# Starts the embedded upstreams of $1 (a jar) at $2 ms, with credentials made up for this run and known to the
# gateways through the environment only; sets upstreams_pid.
start_upstreams() {
	local jar=$1 latency_ms=$2 tmall_port aliexpress_port
	tmall_port=$(free_port)
	aliexpress_port=$(free_port)
	export TMALL_APP_KEY=bench-tmall ALIEXPRESS_APP_KEY=bench-aliexpress
	TMALL_APP_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
	ALIEXPRESS_APP_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
	export TMALL_APP_SECRET ALIEXPRESS_APP_SECRET
	export TMALL_BASE_URL=http://localhost:$tmall_port ALIEXPRESS_BASE_URL=http://localhost:$aliexpress_port
	# no request journal: WireMock trims it by walking every entry on every request
	java -Xmx512m -cp "$jar" -Dloader.main=eu.tmall.gateway.embedded.EmbeddedUpstreamsMain \
		org.springframework.boot.loader.launch.PropertiesLauncher --tmall-port="$tmall_port" \
		--aliexpress-port="$aliexpress_port" --latency-ms="$latency_ms" --journal-entries=0 \
		>"$OUT/upstreams.log" 2>&1 &
	upstreams_pid=$!
	bench_pids+=("$upstreams_pid")
	for _ in $(seq 1 100); do
		grep -q "Ctrl-C stops" "$OUT/upstreams.log" 2>/dev/null && return 0
		sleep 0.3
	done
	echo "the embedded upstreams did not start; see $OUT/upstreams.log" >&2
	exit 1
}

# Starts a gateway from $1 (a jar) against the upstreams, logging to $2, with the further arguments that
# follow; sets gateway_pid, gateway_port and gateway_management_port, and returns once it reports UP.
start_gateway() {
	local jar=$1 log=$2
	shift 2
	gateway_port=$(free_port)
	gateway_management_port=$(free_port)
	# shellcheck disable=SC2086 # JVM_ARGS is a list of flags
	"${JAVA:-java}" -Xms512m -Xmx2g ${JVM_ARGS:-} -jar "$jar" --server.port="$gateway_port" \
		--management.server.port="$gateway_management_port" \
		--management.endpoints.web.exposure.include=health,metrics --gateway.clients.require-key=false \
		--logging.level.root=WARN "$@" >"$log" 2>&1 &
	gateway_pid=$!
	bench_pids+=("$gateway_pid")
	for _ in $(seq 1 300); do
		curl -fs "http://localhost:$gateway_management_port/actuator/health" >/dev/null 2>&1 && return 0
		sleep 0.3
	done
	echo "the gateway did not start; see $log" >&2
	exit 1
}

# The CPU time a process has used so far, user and system, all its threads, in milliseconds.
cpu_ms() {
	awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print ($12 + $13) * 1000 / hz }' "/proc/$1/stat"
}

# The upstream calls a gateway has made so far, from its own http.client.requests metric.
upstream_calls() { # $1 management port
	curl -fs "http://localhost:$1/actuator/metrics/http.client.requests" |
		python3 -c 'import json,sys; print(int(next(m["value"] for m in json.load(sys.stdin)["measurements"] if m["statistic"]=="COUNT")))' 2>/dev/null ||
		echo 0
}

# wrk's RESULT line for $1 (a query of bench/queries) at $2 connections for $3 seconds on port $4
load() {
	BENCH_BODY="bench/queries/$1.json" wrk -t1 -c"$2" -d"$3s" --timeout 5s --latency -s bench/graphql.lua \
		"http://localhost:$4/graphql" | grep '^RESULT'
}

# The milliseconds the JIT of process $1 has spent compiling so far (C1 and C2).
compile_ms() {
	jstat -compiler "$1" | awk 'NR == 2 { printf "%d\n", $4 * 1000 }'
}

# Loads $1 (a query of bench/queries) at $2 connections on port $3 for WARMUP seconds, then on in rounds of 15 s
# until the JIT of the gateway (pid $4) is quiet: a round in which it compiled for less than WARM_COMPILE_MS
# (500 ms, 3% of a core), or WARMUP_MAX seconds (300) in all. Cold queries, at a few hundred requests per second,
# keep the compiler busy for two minutes on two cores; measured after a fixed 45 s, they showed their warm-up, up
# to three times their steady CPU per request (bench/RESULTS.md). Without jstat (a JRE), WARMUP seconds only.
warm_up() {
	local query=$1 connections=$2 port=$3 pid=$4 waited=$WARMUP before after
	load "$query" "$connections" "$WARMUP" "$port" >/dev/null
	if command -v jstat >/dev/null 2>&1; then
		before=$(compile_ms "$pid")
		while ((waited < ${WARMUP_MAX:-300})); do
			load "$query" "$connections" 15 "$port" >/dev/null
			waited=$((waited + 15))
			after=$(compile_ms "$pid")
			((after - before < ${WARM_COMPILE_MS:-500})) && break
			before=$after
		done
	fi
	echo "# $query warmed on port $port for ${waited}s" >&2
}

# load, with the gateway's CPU (pid $5) per request and, when $6 names its management port, its upstream
# calls per request over the same window appended
measured_load() {
	local line cpu_before cpu_after calls_before=0 calls_after=0 requests
	[[ -n "${6:-}" ]] && calls_before=$(upstream_calls "$6")
	cpu_before=$(cpu_ms "$5")
	line=$(load "$1" "$2" "$3" "$4")
	cpu_after=$(cpu_ms "$5")
	[[ -n "${6:-}" ]] && calls_after=$(upstream_calls "$6")
	requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")
	printf '%s cpu_ms_per_request=%s' "$line" \
		"$(python3 -c "print(round(($cpu_after - $cpu_before) / max($requests, 1), 3))")"
	if [[ -n "${6:-}" ]]; then
		printf ' upstream_calls_per_request=%s' \
			"$(python3 -c "print(round(($calls_after - $calls_before) / max($requests, 1), 2))")"
	fi
	printf '\n'
}

# The path of async-profiler's library, version $1, fetched from Maven Central into ~/.m2 by mvn the first time.
async_profiler() {
	local version=$1 library="$OUT/async-profiler-$1/linux-x64/libasyncProfiler.so"
	if [[ ! -f "$library" ]]; then
		mvn -q -B dependency:get -Dartifact="tools.profiler:async-profiler:$version" >&2
		mkdir -p "$OUT/async-profiler-$version"
		(cd "$OUT/async-profiler-$version" &&
			unzip -q -o "$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version.jar" 'linux-x64/*')
	fi
	realpath "$library"
}

# Samples the CPU of process $2 every millisecond with async-profiler ($1, its library) until stop_profiler.
start_profiler() {
	jcmd "$2" JVMTI.agent_load "$1" '"start,event=cpu,interval=1ms"' >/dev/null
}

# Stops start_profiler's sampling of process $2 and writes the collapsed stacks to $3 (an absolute path).
stop_profiler() {
	jcmd "$2" JVMTI.agent_load "$1" "\"stop,file=$3,collapsed\"" >/dev/null
}
