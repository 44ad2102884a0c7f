package eu.tmall.gateway.upstream;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import eu.tmall.gateway.observability.RequestTally;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One upstream's deadline, retry, circuit breaker and concurrency limit (Resilience4j),
 * applied to every call in one order: the deadline over retries over the breaker over the
 * bulkhead over one attempt. So the breaker counts attempts, not calls, a retry waits for
 * a free slot like any call, and no retry outlives the deadline. A retry waits at least
 * as long as the failed answer asked ({@link RetryAfter}); if that is past the deadline,
 * the call fails at once. An attempt's timeout runs on the wire ({@link WireTimeout}),
 * from the moment its request was written: what the call waited for inside the gateway
 * before is not the upstream's doing.
 * <p>
 * The breaker judges the upstream, never the gateway: it counts only the failures that
 * {@link UpstreamException#countsAgainstTheUpstream() say the upstream is unwell}, and
 * ignores everything else, since Resilience4j counts an error it neither records nor
 * ignores as a success. An open breaker answers {@code UNAVAILABLE} at once; a full
 * bulkhead answers {@code RATE_LIMITED}, since it is the gateway's own call-rate limit
 * and not a sign the upstream is down. Neither is retried nor counted by the breaker, and
 * neither is a call that the request's own {@link RequestBudget} stops or its deadline
 * cancels. An open breaker lets trial calls through after its wait, on a timer, whether
 * requests come or not ({@link HalfOpenProbe} makes them when none do).
 */
public final class UpstreamResilience {

	private static final Logger logger = LoggerFactory.getLogger(UpstreamResilience.class);

	private final Upstream upstream;

	private final UpstreamsProperties.Endpoint endpoint;

	private final CircuitBreaker breaker;

	private final Retry retry;

	private final Bulkhead bulkhead;

	public UpstreamResilience(Upstream upstream, UpstreamsProperties.Endpoint endpoint) {
		this(upstream, endpoint, CircuitBreakerRegistry.ofDefaults());
	}

	/**
	 * Guards whose breaker is kept in the given registry, where the breaker metrics find
	 * it.
	 */
	public UpstreamResilience(Upstream upstream, UpstreamsProperties.Endpoint endpoint,
			CircuitBreakerRegistry breakers) {
		this.upstream = upstream;
		this.endpoint = endpoint;
		this.breaker = breakers.circuitBreaker(upstream.id(), breakerConfig(endpoint.breaker()));
		this.breaker.getEventPublisher().onStateTransition(this::logTransition);
		this.retry = Retry.of(upstream.id(), retryConfig(endpoint.retry()));
		this.bulkhead = Bulkhead.of(upstream.id(),
				BulkheadConfig.custom()
					.maxConcurrentCalls(endpoint.maxConcurrentCalls())
					// a wait would block the event loop: a full bulkhead refuses at once
					.maxWaitDuration(Duration.ZERO)
					.build());
	}

	public UpstreamsProperties.Endpoint endpoint() {
		return this.endpoint;
	}

	public CircuitBreaker breaker() {
		return this.breaker;
	}

	/**
	 * The call with every guard, failing only with {@link UpstreamException}s, or with a
	 * {@link RequestLimitException} when the request's {@link RequestBudget} stops it.
	 * The call must be cold: each retry subscribes to it again.
	 */
	public <T> Mono<T> apply(Mono<T> call) {
		Mono<T> attempt = Mono.deferContextual(context -> {
			RequestTally.of(context).upstreamCall();
			return call;
		})
			.switchIfEmpty(Mono.error(() -> new UpstreamException(this.upstream, UpstreamException.Kind.BAD_RESPONSE,
					"answered with an empty body")))
			.onErrorMap(ex -> !(ex instanceof UpstreamException), ex -> UpstreamCalls.translate(this.upstream, ex));
		return attempt.transformDeferred(BulkheadOperator.of(this.bulkhead))
			.transformDeferred(CircuitBreakerOperator.of(this.breaker))
			.transform(this::chargedToTheRequest)
			.transform(attempts -> RetryAfter.retried(attempts, this.retry, this.endpoint.deadline()))
			.onErrorMap(CallNotPermittedException.class,
					ex -> new UpstreamException(this.upstream, UpstreamException.Kind.UNAVAILABLE,
							"circuit breaker is open after repeated failures", null))
			.onErrorMap(BulkheadFullException.class,
					ex -> new UpstreamException(this.upstream, UpstreamException.Kind.RATE_LIMITED,
							"too many calls in flight from the gateway", null, false))
			.transform(this::withinTheRequestsDeadline)
			.onErrorMap(TimeoutException.class, ex -> new UpstreamException(this.upstream,
					UpstreamException.Kind.TIMEOUT, "no answer within the deadline", null));
	}

	/**
	 * Each attempt charged to the request's {@link RequestBudget} as it starts: outside
	 * the breaker, which must not count a refused attempt as the upstream's failure or
	 * success, and inside the retry, so retries are charged too; a refusal is not
	 * retried.
	 */
	private <T> Mono<T> chargedToTheRequest(Mono<T> attempt) {
		return RequestBudget.charged(this.upstream, attempt);
	}

	/**
	 * The call's deadline, or the request's if that ends sooner: it cancels the call,
	 * which the breaker does not count.
	 */
	private <T> Mono<T> withinTheRequestsDeadline(Mono<T> call) {
		return RequestBudget.within(this.upstream, this.endpoint.deadline(), call);
	}

	/**
	 * Slow answers count only through the attempt's timeout: the breaker's own slow-call
	 * clock would start before the bulkhead and the connection pool, in the gateway.
	 */
	private static CircuitBreakerConfig breakerConfig(UpstreamsProperties.Breaker breaker) {
		return CircuitBreakerConfig.custom()
			.failureRateThreshold(breaker.failureRateThreshold())
			.slidingWindow(breaker.windowSeconds(), breaker.minimumCalls(),
					CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
			.waitDurationInOpenState(breaker.waitInOpen())
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			.permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
			.recordException(UpstreamResilience::judgesTheUpstream)
			.ignoreException(ex -> !judgesTheUpstream(ex))
			.build();
	}

	private static boolean judgesTheUpstream(Throwable ex) {
		return ex instanceof UpstreamException failure && failure.countsAgainstTheUpstream();
	}

	private void logTransition(CircuitBreakerOnStateTransitionEvent event) {
		String name = this.upstream.displayName();
		UpstreamsProperties.Breaker settings = this.endpoint.breaker();
		switch (event.getStateTransition()) {
			case CLOSED_TO_OPEN -> logger.warn(
					"{}: circuit breaker opened, {}% of its {} calls in the last {} failed; " + "trial calls in {}",
					name, this.breaker.getMetrics().getFailureRate(),
					this.breaker.getMetrics().getNumberOfBufferedCalls(), RetryAfter.describe(settings.window()),
					RetryAfter.describe(settings.waitInOpen()));
			case HALF_OPEN_TO_OPEN ->
				logger.warn("{}: circuit breaker opened again, its trial calls failed; more in {}", name,
						RetryAfter.describe(settings.waitInOpen()));
			case OPEN_TO_HALF_OPEN ->
				logger.info("{}: circuit breaker half-open, {} trial calls decide", name, settings.halfOpenCalls());
			case HALF_OPEN_TO_CLOSED -> logger.info("{}: circuit breaker closed, its trial calls succeeded", name);
			default -> logger.info("{}: circuit breaker {}", name, event.getStateTransition().getToState());
		}
	}

	private static RetryConfig retryConfig(UpstreamsProperties.Retry retry) {
		return RetryConfig.custom()
			.maxAttempts(Math.max(1, retry.maxAttempts()))
			.intervalBiFunction(RetryAfter.atLeastAsked((retry.jitter() > 0)
					? IntervalFunction.ofExponentialRandomBackoff(retry.initialBackoff(), retry.multiplier(),
							retry.jitter())
					: IntervalFunction.ofExponentialBackoff(retry.initialBackoff(), retry.multiplier())))
			.retryOnException(ex -> ex instanceof UpstreamException upstream && upstream.retryable())
			.build();
	}

}
