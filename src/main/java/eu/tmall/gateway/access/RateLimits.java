package eu.tmall.gateway.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.jspecify.annotations.Nullable;

/**
 * One token bucket per partner, in this instance's memory.
 */
class RateLimits {

	private final Map<String, ClientsProperties.RateLimit> limits;

	private final TimeMeter time;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimits(Map<String, ClientsProperties.RateLimit> limits, Clock clock) {
		this.limits = Map.copyOf(limits);
		this.time = new ClockTimeMeter(clock);
	}

	/**
	 * Takes one token from the client's bucket.
	 * @return {@code null} when the request may go ahead, else how long until a token is
	 * back
	 */
	@Nullable Duration tryAcquire(String clientId) {
		ClientsProperties.RateLimit limit = this.limits.get(clientId);
		if (limit == null) {
			return null;
		}
		ConsumptionProbe probe = this.buckets.computeIfAbsent(clientId, id -> bucket(limit))
			.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? null : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	private Bucket bucket(ClientsProperties.RateLimit limit) {
		return Bucket.builder()
			.addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()))
			.withCustomTimePrecision(this.time)
			.build();
	}

	/** The gateway's clock as Bucket4j's time source, so tests can move time on. */
	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = this.clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
