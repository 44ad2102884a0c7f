package eu.tmall.gateway.upstream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The upstreams as readiness sees them, from their circuit breakers: {@code UP} while
 * both take calls, {@value #DEGRADED} while one breaker is open (the gateway still
 * answers, with the other marketplace's data), {@code DOWN} only when both are. Health is
 * read from the breakers and never calls an upstream itself.
 */
@Component("upstreams")
class UpstreamsHealthIndicator implements HealthIndicator {

	/**
	 * Serving, but without one marketplace: ordered between DOWN and UP, answered 200.
	 */
	static final String DEGRADED = "DEGRADED";

	private final UpstreamChannels channels;

	UpstreamsHealthIndicator(UpstreamChannels channels) {
		this.channels = channels;
	}

	@Override
	public Health health() {
		int open = 0;
		Health.Builder health = new Health.Builder();
		for (Upstream upstream : Upstream.values()) {
			CircuitBreaker.State state = this.channels.resilience(upstream).breaker().getState();
			health.withDetail(upstream.id(), state.name());
			if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
				open++;
			}
		}
		Status status = (open == 0) ? Status.UP
				: (open < Upstream.values().length) ? new Status(DEGRADED) : Status.DOWN;
		return health.status(status).build();
	}

}
