package eu.tmall.gateway.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import eu.tmall.gateway.shared.SharedTier;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One token bucket per client. With a shared tier the buckets live in Redis (Bucket4j's
 * compare-and-swap over Lettuce), so every instance draws from the same one; without one,
 * in this instance's memory. While a configured Redis is away, each instance draws from a
 * bucket of its own holding its share of the limit: capacity and refill divided by
 * {@code gateway.shared.instances}, rounded up, so that the instances together allow
 * about the limit (a little more when it does not divide evenly).
 */
class RateLimits {

	static final String USE = "ratelimit";

	/**
	 * How long an untouched bucket stays in Redis once it would be full again: a client
	 * that comes back later gets a full bucket either way.
	 */
	private static final Duration KEEP_FULL = Duration.ofSeconds(10);

	private final Map<String, ClientsProperties.RateLimit> limits;

	private final TimeMeter time;

	private final SharedTier shared;

	private final Map<String, Bucket> local = new ConcurrentHashMap<>();

	private final Map<String, Bucket> fallback = new ConcurrentHashMap<>();

	private volatile @Nullable Remote remote;

	RateLimits(Map<String, ClientsProperties.RateLimit> limits, Clock clock) {
		this(limits, clock, SharedTier.off());
	}

	RateLimits(Map<String, ClientsProperties.RateLimit> limits, Clock clock, SharedTier shared) {
		this.limits = Map.copyOf(limits);
		this.time = new ClockTimeMeter(clock);
		this.shared = shared;
	}

	/**
	 * Takes one token from the client's bucket.
	 * @return empty when the request may go ahead, else how long until a token is back
	 */
	Mono<Duration> tryAcquire(String clientId) {
		ClientsProperties.RateLimit limit = this.limits.get(clientId);
		if (limit == null) {
			return Mono.empty();
		}
		if (!this.shared.enabled()) {
			return verdict(this.local.computeIfAbsent(clientId, id -> bucket(limit)).tryConsumeAndReturnRemaining(1));
		}
		AsyncBucketProxy remoteBucket = remoteBucket(clientId, limit);
		if (remoteBucket == null) {
			this.shared.fellBack(USE);
			return fallback(clientId, limit);
		}
		// two round trips at most (read, then compare-and-swap), each within the timeout
		return Mono.fromFuture(() -> remoteBucket.tryConsumeAndReturnRemaining(1))
			.timeout(this.shared.properties().timeout().multipliedBy(2))
			.flatMap(RateLimits::verdict)
			.onErrorResume(ex -> {
				this.shared.failed(USE, ex);
				return fallback(clientId, limit);
			});
	}

	private Mono<Duration> fallback(String clientId, ClientsProperties.RateLimit limit) {
		int instances = this.shared.properties().instances();
		return verdict(this.fallback.computeIfAbsent(clientId, id -> bucket(share(limit, instances)))
			.tryConsumeAndReturnRemaining(1));
	}

	/** One instance's share of a limit while the instances cannot share it. */
	static ClientsProperties.RateLimit share(ClientsProperties.RateLimit limit, int instances) {
		return new ClientsProperties.RateLimit(ceilDiv(limit.capacity(), instances), ceilDiv(limit.refill(), instances),
				limit.period());
	}

	private static long ceilDiv(long value, int by) {
		return (value + by - 1) / by;
	}

	private static Mono<Duration> verdict(ConsumptionProbe probe) {
		return probe.isConsumed() ? Mono.empty() : Mono.just(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	private @Nullable AsyncBucketProxy remoteBucket(String clientId, ClientsProperties.RateLimit limit) {
		StatefulRedisConnection<String, byte[]> connection = this.shared.connection();
		if (connection == null) {
			return null;
		}
		Remote current = this.remote;
		if (current == null || current.connection() != connection) {
			current = new Remote(connection, proxies(connection), new ConcurrentHashMap<>());
			this.remote = current;
		}
		AsyncProxyManager<String> proxies = current.proxies();
		return current.buckets()
			.computeIfAbsent(clientId, id -> proxies.builder()
				// concurrent requests of one client on this instance in one
				// compare-and-swap:
				// without it they retry against each other, and a busy client's calls
				// time out
				.withOptimization(Optimizations.batching())
				.build(key(id, limit), configuration(limit)));
	}

	private AsyncProxyManager<String> proxies(StatefulRedisConnection<String, byte[]> connection) {
		return Bucket4jLettuce.casBasedBuilder(connection)
			.clientClock(this.time)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
			.build()
			.asAsync();
	}

	/**
	 * The limit is part of the key: instances configured alike share a bucket, and a
	 * changed limit starts a new one rather than inheriting a bucket of another size.
	 */
	private String key(String clientId, ClientsProperties.RateLimit limit) {
		return this.shared.key("ratelimit", clientId,
				limit.capacity() + "-" + limit.refill() + "-" + limit.period().toMillis() + "ms");
	}

	private Bucket bucket(ClientsProperties.RateLimit limit) {
		return Bucket.builder()
			.addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()))
			.withCustomTimePrecision(this.time)
			.build();
	}

	private static BucketConfiguration configuration(ClientsProperties.RateLimit limit) {
		return BucketConfiguration.builder()
			.addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()))
			.build();
	}

	/** The buckets in Redis, over one connection (Lettuce reconnects it itself). */
	private record Remote(StatefulRedisConnection<String, byte[]> connection, AsyncProxyManager<String> proxies,
			Map<String, AsyncBucketProxy> buckets) {

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
