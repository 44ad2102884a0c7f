package eu.tmall.gateway.upstream;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One upstream as readiness sees it, from its circuit breaker: {@code UP} while it is
 * closed, {@value #DEGRADED} while it is open (the gateway still answers, with the other
 * marketplace's data) or half-open (its trial calls have not yet decided), {@code DOWN}
 * only when every upstream's breaker is open. Aggregated under {@code upstreams}, the
 * gateway is so degraded with one upstream out and down with both. Half-open is never
 * down: a pod that is not ready gets no request, so nothing would ever try the upstream
 * if the gateway did not ({@link HalfOpenProbe}), and readiness, read from the breakers
 * on their timers, comes back with no request at all. Health never calls an upstream.
 */
final class UpstreamHealthIndicator implements HealthIndicator {

	/**
	 * Serving, but without one marketplace: ordered between DOWN and UP, answered 200.
	 */
	static final String DEGRADED = "DEGRADED";

	private final Upstream upstream;

	private final UpstreamChannels channels;

	private UpstreamHealthIndicator(Upstream upstream, UpstreamChannels channels) {
		this.upstream = upstream;
		this.channels = channels;
	}

	/** The {@code upstreams} contributor: one indicator per upstream, by its id. */
	static CompositeHealthContributor perUpstream(UpstreamChannels channels) {
		Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
		for (Upstream upstream : Upstream.values()) {
			indicators.put(upstream.id(), new UpstreamHealthIndicator(upstream, channels));
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

	@Override
	public Health health() {
		CircuitBreaker.State state = state(this.upstream);
		Health.Builder health = new Health.Builder().withDetail("breaker", state.name());
		if (state == CircuitBreaker.State.HALF_OPEN) {
			return health.status(DEGRADED).build();
		}
		if (!isOpen(state)) {
			return health.up().build();
		}
		boolean allOpen = Arrays.stream(Upstream.values()).allMatch(upstream -> isOpen(state(upstream)));
		return health.status(allOpen ? Status.DOWN : new Status(DEGRADED)).build();
	}

	private CircuitBreaker.State state(Upstream upstream) {
		return this.channels.resilience(upstream).breaker().getState();
	}

	private static boolean isOpen(CircuitBreaker.State state) {
		return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
	}

}
