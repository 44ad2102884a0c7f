package eu.tmall.gateway.access;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.VegasLimit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import eu.tmall.gateway.observability.RequestClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Scheduler;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The gateway protecting itself: an adaptive limit on the GraphQL requests it executes at
 * once (Netflix concurrency-limits). One over the limit is refused at once with 503,
 * {@code Retry-After} and {@code OVERLOADED}, rather than queued behind the others until
 * its deadline passes.
 * <p>
 * It runs after {@link GraphQlRequestFilter}, on the requests that passed the access
 * checks, once their body has been read: a client uploading slowly holds no place, and
 * what the limiter measures, from there until the answer is handed to the connection, is
 * the gateway's own work and its waits for the upstreams. How each request ends tells the
 * limiter what that time means ({@link AdmissionOutcomes}).
 */
class AdmissionLimit implements WebFilter, Ordered {

	/** The exchange attribute holding an admitted request's {@link Admission}. */
	static final String ATTRIBUTE = AdmissionLimit.class.getName() + ".admission";

	/** {@code gateway_admission_limit} in Prometheus. */
	static final String LIMIT = "gateway.admission.limit";

	/** {@code gateway_admission_in_flight} in Prometheus. */
	static final String IN_FLIGHT = "gateway.admission.in.flight";

	/** {@code gateway_admission_rejections_total} in Prometheus. */
	static final String REJECTIONS = "gateway.admission.rejections";

	/** {@code gateway_admission_released_total{outcome=…}} in Prometheus. */
	static final String RELEASED = "gateway.admission.released";

	private static final Logger logger = LoggerFactory.getLogger(AdmissionLimit.class);

	private final SimpleLimiter<ServerWebExchange> limiter;

	private final AdmissionProperties properties;

	private final ErrorResponses errors;

	private final Counter rejections;

	private final Map<Outcome, Counter> released = new EnumMap<>(Outcome.class);

	private final RefusalLog refusalLog;

	AdmissionLimit(AdmissionProperties properties, ErrorResponses errors, MeterRegistry registry, Scheduler scheduler) {
		this.properties = properties;
		this.errors = errors;
		this.limiter = SimpleLimiter.newBuilder().named("graphql").limit(algorithm(properties)).build();
		Gauge.builder(LIMIT, this.limiter, SimpleLimiter::getLimit)
			.description("GraphQL requests the gateway executes at once before it refuses more")
			.register(registry);
		Gauge.builder(IN_FLIGHT, this.limiter, SimpleLimiter::getInflight)
			.description("GraphQL requests admitted and not answered yet")
			.register(registry);
		this.rejections = Counter.builder(REJECTIONS)
			.description("GraphQL requests refused with 503 OVERLOADED over the admission limit")
			.register(registry);
		this.refusalLog = new RefusalLog(scheduler);
		for (Outcome outcome : Outcome.values()) {
			this.released.put(outcome,
					Counter.builder(RELEASED)
						.description("Admitted GraphQL requests by what their latency told the admission limit")
						.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
						.register(registry));
		}
	}

	/**
	 * The algorithm, fed the average latency of each window of answers (at least 100 ms,
	 * or twice the fastest answer, up to 1 s) rather than every answer, so that one slow
	 * request does not move the limit. {@code gradient2}'s long-run latency is the
	 * average of its last 600 windows, about a minute: a sudden slowdown lowers the limit
	 * within a second, while a load sustained for minutes becomes its new normal, so
	 * {@code max-limit} bounds it then.
	 */
	private static Limit algorithm(AdmissionProperties properties) {
		Limit algorithm = switch (properties.algorithm()) {
			case GRADIENT2 -> Gradient2Limit.newBuilder()
				.initialLimit(properties.initialLimit())
				.minLimit(properties.minLimit())
				.maxConcurrency(properties.maxLimit())
				.rttTolerance(properties.rttTolerance())
				.build();
			case VEGAS -> VegasLimit.newBuilder()
				.initialLimit(properties.initialLimit())
				.maxConcurrency(properties.maxLimit())
				.build();
			case AIMD -> AIMDLimit.newBuilder()
				.initialLimit(properties.initialLimit())
				.minLimit(properties.minLimit())
				.maxLimit(properties.maxLimit())
				.build();
			case FIXED -> FixedLimit.of(properties.maxLimit());
		};
		return WindowedLimit.newBuilder().minWindowTime(100, TimeUnit.MILLISECONDS).build(algorithm);
	}

	@Override
	public int getOrder() {
		return GraphQlRequestFilter.ORDER + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getAttributes().containsKey(RequestClient.ATTRIBUTE)) {
			// not a GraphQL request: GraphQlRequestFilter names the client of each
			return chain.filter(exchange);
		}
		Optional<Limiter.Listener> listener = this.limiter.acquire(exchange);
		if (listener.isEmpty()) {
			this.rejections.increment();
			this.refusalLog.refused();
			return this.errors.write(exchange, RefusedRequest.overloaded(this.properties.retryAfter()));
		}
		Admission admission = new Admission(listener.get());
		exchange.getAttributes().put(ATTRIBUTE, admission);
		return chain.filter(exchange).doFinally(signal -> admission.release(signal == SignalType.ON_COMPLETE));
	}

	int limit() {
		return this.limiter.getLimit();
	}

	int inFlight() {
		return this.limiter.getInflight();
	}

	/** How the limiter takes an admitted request's time ({@link Limiter.Listener}). */
	enum Outcome {

		/** A measure of how long the gateway takes: {@code onSuccess}. */
		SUCCESS,

		/**
		 * A request cut by a deadline or a limit, a sign of too much in flight:
		 * {@code onDropped}.
		 */
		DROPPED,

		/**
		 * No measure of the gateway: the place is given back, the time not used:
		 * {@code onIgnore}.
		 */
		IGNORED

	}

	/**
	 * One admitted request's place under the limit, given back once, with what its
	 * latency says.
	 */
	final class Admission {

		private final Limiter.Listener listener;

		private final AtomicBoolean released = new AtomicBoolean();

		private volatile Outcome outcome = Outcome.IGNORED;

		private Admission(Limiter.Listener listener) {
			this.listener = listener;
		}

		/** What the answer, once written, tells the limiter. */
		void answered(Outcome outcome) {
			this.outcome = outcome;
		}

		/**
		 * @param answered whether the answer was written: a client gone or a failure
		 * leaves a time that measures neither
		 */
		void release(boolean answered) {
			if (!this.released.compareAndSet(false, true)) {
				return;
			}
			Outcome outcome = answered ? this.outcome : Outcome.IGNORED;
			AdmissionLimit.this.released.get(outcome).increment();
			switch (outcome) {
				case SUCCESS -> this.listener.onSuccess();
				case DROPPED -> this.listener.onDropped();
				case IGNORED -> this.listener.onIgnore();
			}
		}

	}

	/**
	 * Refusals logged without flooding the log: at most one line every
	 * {@code gateway.admission.log-interval}, with the count since the previous one; the
	 * first refusal after a quiet interval at once. The counter has every refusal.
	 */
	private final class RefusalLog {

		private final Scheduler scheduler;

		private final AtomicLong unlogged = new AtomicLong();

		private final AtomicBoolean lineDue = new AtomicBoolean();

		/** Scheduler time in milliseconds before which no line may be written. */
		private volatile long quietUntil;

		RefusalLog(Scheduler scheduler) {
			this.scheduler = scheduler;
		}

		void refused() {
			this.unlogged.incrementAndGet();
			if (!this.lineDue.compareAndSet(false, true)) {
				return;
			}
			long wait = this.quietUntil - this.scheduler.now(TimeUnit.MILLISECONDS);
			if (wait <= 0) {
				writeLine();
				return;
			}
			this.scheduler.schedule(this::writeLine, wait, TimeUnit.MILLISECONDS);
		}

		private void writeLine() {
			Duration interval = AdmissionLimit.this.properties.logInterval();
			this.quietUntil = this.scheduler.now(TimeUnit.MILLISECONDS) + interval.toMillis();
			this.lineDue.set(false);
			long count = this.unlogged.getAndSet(0);
			if (count == 0) {
				return;
			}
			logger.warn("overloaded: refused count={} limit={} in_flight={} algorithm={}", count, limit(), inFlight(),
					AdmissionLimit.this.properties.algorithm().name().toLowerCase(Locale.ROOT));
		}

	}

}
