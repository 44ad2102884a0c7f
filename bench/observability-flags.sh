# shellcheck shell=bash
# The gateway's arguments for observability as deployed (on) or without it (off: no tracer,
# so no spans, trace ids or exemplars; no GraphQL observations; no summary line), so
# bench/run.sh and bench/observability.sh switch the same parts off. The upstream call
# metrics stay in both: the benchmark counts upstream calls with them.
observability_flags() { # $1: on or off
	if [[ "$1" == on ]]; then
		echo "--logging.level.eu.tmall.gateway.requests=INFO"
	else
		echo "--spring.autoconfigure.exclude=org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration --management.observations.enable.graphql=false --logging.level.eu.tmall.gateway.requests=WARN"
	fi
}
