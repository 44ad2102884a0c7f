package eu.tmall.gateway.startup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The warm-up before readiness.
 *
 * @param enabled whether readiness waits for a warm-up; off, the gateway is ready as soon
 * as it has started
 * @param duration how long the operations are replayed from the caches once primed
 * @param concurrency how many replayed requests are in flight at once
 * @param timeout the longest readiness waits for the warm-up: past it, or when the
 * warm-up fails, the gateway reports ready anyway and says why in a WARN
 * @param query the search that primes the caches, and whose products are replayed
 * @param shipTo the destination of every warm-up operation (each destination is a cache
 * key of its own, so one is enough)
 */
@ConfigurationProperties("gateway.warm-up")
public record WarmUpProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration duration,
		@DefaultValue("4") int concurrency, @DefaultValue("30s") Duration timeout,
		@DefaultValue("headphones") String query, @DefaultValue("DE") String shipTo) {

	public WarmUpProperties {
		if (concurrency < 1) {
			throw new IllegalArgumentException(
					"gateway.warm-up.concurrency must be at least 1, was %d".formatted(concurrency));
		}
		if (duration.isNegative() || timeout.isNegative()) {
			throw new IllegalArgumentException("gateway.warm-up.duration and .timeout must not be negative");
		}
	}

}
