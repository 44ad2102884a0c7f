package eu.tmall.gateway.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shared tier in Redis: off unless a URL is set, and then only as good as Redis
 * answers, in time.
 *
 * @param redisUrl {@code redis://[user:password@]host:port[/database]}, {@code rediss://}
 * for TLS; empty: every instance keeps its own state, as a single instance does
 * @param timeout the longest any one Redis call may take before the request goes on
 * without it; well under the request deadline
 * @param connectTimeout the longest a connection to Redis may take to open, and a PING to
 * answer before the tier is degraded
 * @param checkInterval how often Redis is asked whether it is there (a PING), which is
 * what brings the shared state back after an outage, with no request needed
 * @param instances how many instances share the tier: while Redis is away each one
 * enforces this share of every rate limit
 * @param keyPrefix the start of every key, so that deployments can share one Redis
 * @param localTtl with Redis, how long an offer stays in an instance's own cache before
 * it is read from Redis again
 * @param persistedQueryTtl how long Redis keeps a persisted query registered
 */
@ConfigurationProperties("gateway.shared")
public record SharedTierProperties(@DefaultValue("") String redisUrl, @DefaultValue("250ms") Duration timeout,
		@DefaultValue("1s") Duration connectTimeout, @DefaultValue("1s") Duration checkInterval,
		@DefaultValue("2") int instances, @DefaultValue("tmall-gateway") String keyPrefix,
		@DefaultValue("30s") Duration localTtl, @DefaultValue("24h") Duration persistedQueryTtl) {

	public SharedTierProperties {
		if (instances < 1) {
			throw new IllegalArgumentException(
					"gateway.shared.instances must be at least 1 (the instances that share the rate limits)");
		}
		if (timeout.isNegative() || timeout.isZero() || checkInterval.isNegative() || checkInterval.isZero()) {
			throw new IllegalArgumentException("gateway.shared.timeout and .check-interval must be positive");
		}
		if (keyPrefix.isBlank() || keyPrefix.contains(" ")) {
			throw new IllegalArgumentException("gateway.shared.key-prefix must be a word without spaces");
		}
	}

	/** Whether instances share their state at all. */
	public boolean enabled() {
		return !this.redisUrl.isBlank();
	}

}
