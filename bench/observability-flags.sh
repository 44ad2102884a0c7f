# shellcheck shell=bash
# The gateway's arguments for observability as deployed (on) or without it (off: no
# trace export, no GraphQL observations, context propagation at Boot's default, no
# summary line), so bench/run.sh and bench/observability.sh switch the same parts off.
observability_flags() { # $1: on or off
	if [[ "$1" == on ]]; then
		echo "--logging.level.eu.tmall.gateway.requests=INFO"
	else
		echo "--management.tracing.export.enabled=false --management.observations.enable.graphql=false --spring.reactor.context-propagation=limited --logging.level.eu.tmall.gateway.requests=WARN"
	fi
}
