package eu.tmall.gateway.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The connection to Redis and what the gateway knows of it: shared while Redis answers,
 * degraded from the first call that fails, or the first PING that fails or times out,
 * until a PING succeeds again. A request's call that only took longer than
 * {@code timeout} falls back for that request alone: on a busy machine one slow answer
 * says little about Redis, and a PING within {@code connect-timeout} judges it. Degraded,
 * callers do not wait for Redis at all: they use their instance's own state
 * ({@link #available()} is false). A PING every {@code check-interval}, on a thread of
 * its own, is what brings the shared state back, so no request has to pay for finding
 * out; each change of state is one log line, never one per request.
 * <p>
 * Plain Lettuce rather than Spring Data Redis: Bucket4j's proxy manager takes a Lettuce
 * connection, the other uses need three commands, and one multiplexed connection with the
 * gateway's own timeouts serves them all; Boot's Redis auto-configuration would connect
 * to localhost:6379 when nothing is configured and report its health as down. Calls are
 * asynchronous: no thread waits for Redis but the PING's own.
 */
public final class SharedTier implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SharedTier.class);

	/** {@code gateway_shared_tier_up} in Prometheus: 1 shared, 0 degraded. */
	public static final String UP_METER = "gateway.shared.tier.up";

	/**
	 * {@code gateway_shared_tier_fallbacks_total{use}}: operations done locally instead.
	 */
	public static final String FALLBACKS_METER = "gateway.shared.tier.fallbacks";

	/** {@code gateway_shared_lookups_total{use,result}}: reads of shared entries. */
	public static final String LOOKUPS_METER = "gateway.shared.lookups";

	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	private final SharedTierProperties properties;

	private final Clock clock;

	private final @Nullable MeterRegistry registry;

	private final @Nullable RedisClient client;

	private final @Nullable ClientResources resources;

	private final @Nullable RedisURI uri;

	private final @Nullable ScheduledExecutorService checks;

	private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;

	private final AtomicReference<State> state = new AtomicReference<>(new State(false, null, null));

	private SharedTier(SharedTierProperties properties, Clock clock, @Nullable MeterRegistry registry) {
		this.properties = properties;
		this.clock = clock;
		this.registry = registry;
		if (!properties.enabled()) {
			this.client = null;
			this.resources = null;
			this.uri = null;
			this.checks = null;
			return;
		}
		this.uri = parse(properties.redisUrl());
		// the handshake of a (re)connection (HELLO, SELECT) runs on this one; a cold JVM
		// takes
		// longer than a command should, and TimeoutOptions below bound the commands
		this.uri.setTimeout(properties.connectTimeout());
		this.resources = DefaultClientResources.builder()
			.ioThreadPoolSize(2)
			.computationThreadPoolSize(1)
			// Lettuce reconnects by itself; soon enough that the next PING finds it back
			.reconnectDelay(Delay.constant(properties.checkInterval().dividedBy(2)))
			.build();
		this.client = RedisClient.create(this.resources, this.uri);
		this.client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			// while disconnected a command fails at once instead of queueing until its
			// timeout
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(properties.connectTimeout()))
			.socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).keepAlive(true).build())
			.build());
		if (registry != null) {
			Gauge.builder(UP_METER, this, tier -> tier.available() ? 1 : 0)
				.description("1 while the instances share their state in Redis, 0 while degraded to their own")
				.register(registry);
		}
		// the first check before the gateway takes requests, so that it starts knowing
		check();
		this.checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "shared-tier-check");
			thread.setDaemon(true);
			return thread;
		});
		long interval = properties.checkInterval().toMillis();
		this.checks.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
	}

	/** The tier as configured: connected to Redis when a URL is set, else off. */
	public static SharedTier start(SharedTierProperties properties, Clock clock, MeterRegistry registry) {
		return new SharedTier(properties, clock, registry);
	}

	/** No shared tier: every instance on its own, as a single instance is. */
	public static SharedTier off() {
		return new SharedTier(new SharedTierProperties("", Duration.ofMillis(250), Duration.ofSeconds(1),
				Duration.ofSeconds(1), 1, "tmall-gateway", Duration.ofSeconds(30), Duration.ofHours(24)),
				Clock.systemUTC(), null);
	}

	private static RedisURI parse(String url) {
		try {
			return RedisURI.create(url);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("gateway.shared.redis-url (REDIS_URL) must be"
					+ " redis://[user:password@]host:port[/database] or rediss://… for TLS");
		}
	}

	/** Whether a Redis is configured at all. */
	public boolean enabled() {
		return this.client != null;
	}

	/** Whether calls go to Redis now: configured, connected and not degraded. */
	public boolean available() {
		return this.state.get().up() && this.connection != null;
	}

	/** Redis's connection while it is {@link #available()}, e.g. for Bucket4j. */
	public @Nullable StatefulRedisConnection<String, byte[]> connection() {
		return available() ? this.connection : null;
	}

	public SharedTierProperties properties() {
		return this.properties;
	}

	/** The key of an entry: the prefix, then the parts, separated by colons. */
	public String key(String... parts) {
		return this.properties.keyPrefix() + ":" + String.join(":", parts);
	}

	/**
	 * A Redis call of a request, within the tier's timeout: empty when Redis is degraded
	 * or the call fails, which degrades it; the caller then does without.
	 * @param use what the call is for, in the fallback metric: {@code apq},
	 * {@code offers}
	 */
	public <T> Mono<T> call(String use, Function<RedisReactiveCommands<String, byte[]>, Mono<T>> command) {
		StatefulRedisConnection<String, byte[]> connected = connection();
		if (connected == null) {
			fellBack(use);
			return Mono.empty();
		}
		return Mono.defer(() -> command.apply(connected.reactive()))
			.timeout(this.properties.timeout())
			.onErrorResume(ex -> {
				failed(use, ex);
				return Mono.empty();
			});
	}

	/** A write no request waits for. */
	public <T> void send(String use, Function<RedisReactiveCommands<String, byte[]>, Mono<T>> command) {
		call(use, command).subscribe();
	}

	/** Counts an operation done locally because Redis was not available. */
	public void fellBack(String use) {
		if (this.registry != null && enabled()) {
			Counter.builder(FALLBACKS_METER)
				.description("Operations done with the instance's own state because Redis was not available")
				.tag("use", use)
				.register(this.registry)
				.increment();
		}
	}

	/** Counts reads of shared entries, found or not. */
	public void looked(String use, int hits, int misses) {
		if (this.registry == null) {
			return;
		}
		Counter.builder(LOOKUPS_METER).tag("use", use).tag("result", "hit").register(this.registry).increment(hits);
		Counter.builder(LOOKUPS_METER).tag("use", use).tag("result", "miss").register(this.registry).increment(misses);
	}

	/**
	 * A call to Redis failed: counted, and, unless it only timed out, the tier degraded
	 * until a PING answers.
	 */
	public void failed(String use, Throwable ex) {
		fellBack(use);
		if (!timedOut(ex)) {
			degrade(describe(ex));
		}
	}

	/** The tier now, for health: whether it is shared, since when not, and why. */
	public State state() {
		return this.state.get();
	}

	/** Where Redis is, without credentials. */
	public String address() {
		return (this.uri != null) ? this.uri.getHost() + ":" + this.uri.getPort() : "none";
	}

	private void check() {
		try {
			StatefulRedisConnection<String, byte[]> connected = this.connection;
			if (connected == null) {
				connected = this.client.connect(CODEC, this.uri);
				this.connection = connected;
			}
			connected.sync().ping();
			resume();
		}
		catch (RuntimeException ex) {
			degrade(describe(ex));
		}
	}

	private void resume() {
		State previous = this.state.getAndSet(new State(true, null, null));
		if (!previous.up()) {
			logger.info("Shared tier: Redis at {} answers; rate limits, persisted queries and offers are shared{}",
					address(),
					(previous.since() != null)
							? " again, after " + Duration.between(previous.since(), this.clock.instant()).toMillis()
									+ " ms on each instance's own"
							: "");
		}
	}

	private void degrade(String reason) {
		State previous = this.state.get();
		if (!previous.up() && previous.since() != null) {
			return;
		}
		State degraded = new State(false, this.clock.instant(), reason);
		if (this.state.compareAndSet(previous, degraded)) {
			logger.warn(
					"Shared tier degraded: Redis at {} {}; each instance enforces 1/{} of every rate limit and keeps its"
							+ " own persisted queries and offers until a PING (every {}) finds it back",
					address(), reason, this.properties.instances(), this.properties.checkInterval());
		}
	}

	private static String describe(Throwable ex) {
		Throwable cause = cause(ex);
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return timedOut(ex) ? "did not answer in time" : "failed: " + message;
	}

	private static boolean timedOut(Throwable ex) {
		Throwable cause = cause(ex);
		return cause instanceof TimeoutException || cause instanceof RedisCommandTimeoutException;
	}

	private static Throwable cause(Throwable ex) {
		return (ex.getCause() != null && ex.getMessage() == null) ? ex.getCause() : ex;
	}

	@Override
	public void close() {
		if (this.checks != null) {
			this.checks.shutdownNow();
		}
		StatefulRedisConnection<String, byte[]> connected = this.connection;
		if (connected != null) {
			connected.close();
		}
		if (this.client != null) {
			this.client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
		}
		if (this.resources != null) {
			this.resources.shutdown(0, 1, TimeUnit.SECONDS);
		}
	}

	/**
	 * The tier's state.
	 *
	 * @param up whether the instances share their state now
	 * @param since when it was degraded, {@code null} while up or before the first check
	 * @param reason why, {@code null} while up
	 */
	public record State(boolean up, @Nullable Instant since, @Nullable String reason) {

	}

}
