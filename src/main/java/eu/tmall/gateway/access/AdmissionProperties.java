package eu.tmall.gateway.access;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The admission limit: how many GraphQL requests the gateway executes at once before it
 * refuses more with 503 {@code OVERLOADED}. The limit moves between {@code minLimit} and
 * {@code maxLimit} with the latency of the requests it admits.
 *
 * @param enabled whether GraphQL requests pass through the limit at all
 * @param algorithm how the limit adapts to latency
 * @param initialLimit the limit at start-up, until latency has been measured; by default
 * {@code maxLimit}, so that a new instance refuses nothing its bound allows
 * @param minLimit the lowest the limit goes ({@code gradient2} and {@code aimd})
 * @param maxLimit the highest the limit goes; the limit itself with {@code fixed}
 * @param rttTolerance how many times their long-run latency requests may take before
 * {@code gradient2} lowers the limit
 * @param retryAfter what a refusal's {@code Retry-After} asks the client to wait, in
 * whole seconds
 * @param logInterval the least time between two log lines of refusals
 */
@ConfigurationProperties("gateway.admission")
record AdmissionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("gradient2") Algorithm algorithm,
		@Nullable Integer initialLimit, @DefaultValue("8") int minLimit, @DefaultValue("256") int maxLimit,
		@DefaultValue("2.0") double rttTolerance, @DefaultValue("1s") Duration retryAfter,
		@DefaultValue("10s") Duration logInterval) {

	AdmissionProperties {
		initialLimit = (initialLimit != null) ? initialLimit : maxLimit;
		if (minLimit < 1 || minLimit > initialLimit || initialLimit > maxLimit) {
			throw new IllegalArgumentException(
					"gateway.admission needs 1 <= min-limit <= initial-limit <= max-limit, got %d, %d, %d"
						.formatted(minLimit, initialLimit, maxLimit));
		}
		if (rttTolerance < 1.0) {
			throw new IllegalArgumentException(
					"gateway.admission.rtt-tolerance must be at least 1.0 (the latency the limit keeps, as a multiple"
							+ " of the usual one), got " + rttTolerance);
		}
		if (retryAfter.toSeconds() < 1 || retryAfter.toNanos() % 1_000_000_000L != 0) {
			throw new IllegalArgumentException(
					"gateway.admission.retry-after must be a whole number of seconds, at least 1s, got " + retryAfter);
		}
		if (logInterval.isNegative() || logInterval.isZero()) {
			throw new IllegalArgumentException("gateway.admission.log-interval must be a positive duration, e.g. 10s");
		}
	}

	/** The algorithms of Netflix concurrency-limits the limit can follow. */
	enum Algorithm {

		/**
		 * Lowers the limit when requests take longer than {@code rttTolerance} times
		 * their long-run average, raises it while they do not.
		 */
		GRADIENT2,

		/** TCP Vegas: keeps the latency near the least ever measured. */
		VEGAS,

		/**
		 * Raises the limit by one while it is used, cuts it by a tenth when a request is
		 * dropped.
		 */
		AIMD,

		/** Always {@code maxLimit}: a plain cap, for comparison or a known capacity. */
		FIXED

	}

}
