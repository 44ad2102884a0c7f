package eu.tmall.gateway.shared;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The shared tier as readiness sees it: {@code UP} while the instances share their state
 * in Redis (or when no Redis is configured: there is nothing to share),
 * {@value #DEGRADED} (HTTP 200) while Redis is away. Never down: an instance without
 * Redis still answers every request, so a balancer must keep sending it traffic. Health
 * never calls Redis; it reads what the last call or PING found.
 */
final class SharedTierHealthIndicator implements HealthIndicator {

	/** Serving on the instance's own state: ordered between DOWN and UP, answered 200. */
	static final String DEGRADED = "DEGRADED";

	private final SharedTier tier;

	SharedTierHealthIndicator(SharedTier tier) {
		this.tier = tier;
	}

	@Override
	public Health health() {
		if (!this.tier.enabled()) {
			return Health.up().withDetail("redis", "not configured: each instance keeps its own state").build();
		}
		SharedTier.State state = this.tier.state();
		Health.Builder health = new Health.Builder().withDetail("redis", this.tier.address());
		if (this.tier.available()) {
			return health.up().build();
		}
		if (state.since() != null) {
			health.withDetail("since", state.since().toString());
		}
		if (state.reason() != null) {
			health.withDetail("reason", state.reason());
		}
		return health.status(new Status(DEGRADED))
			.withDetail("rateLimits", "1/" + this.tier.properties().instances() + " of each limit, per instance")
			.build();
	}

}
