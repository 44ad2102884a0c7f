package eu.tmall.gateway.upstream;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import eu.tmall.gateway.observability.RequestTally;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import reactor.core.publisher.Mono;

/**
 * One upstream's deadline, retry, circuit breaker and concurrency limit (Resilience4j),
 * applied to every call in one order: the deadline over retries over the breaker over the
 * bulkhead over one attempt's timeout. So the breaker counts attempts, not calls, a retry
 * waits for a free slot like any call, and no retry outlives the deadline. A retry waits
 * at least as long as the failed answer asked ({@link RetryAfter}); if that is past the
 * deadline, the call fails at once.
 * <p>
 * An open breaker answers {@code UNAVAILABLE} at once; a full bulkhead answers
 * {@code RATE_LIMITED}, since it is the gateway's own call-rate limit and not a sign the
 * upstream is down. Neither is retried nor counted by the breaker, and neither is a call
 * that the request's own {@link RequestBudget} stops.
 */
public final class UpstreamResilience {

	// an upstream that answers nonsense or slowly is as unhealthy as one that is down; a
	// refused signature or parameter is our configuration or bug, and tells nothing
	private static final Set<UpstreamException.Kind> HEALTH_FAILURES = Set.of(UpstreamException.Kind.TIMEOUT,
			UpstreamException.Kind.UNAVAILABLE, UpstreamException.Kind.RATE_LIMITED,
			UpstreamException.Kind.BAD_RESPONSE);

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
			.timeout(this.endpoint.timeout())
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

	private static CircuitBreakerConfig breakerConfig(UpstreamsProperties.Breaker breaker) {
		return CircuitBreakerConfig.custom()
			.failureRateThreshold(breaker.failureRateThreshold())
			.slidingWindow(breaker.slidingWindow(), breaker.minimumCalls(),
					CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.waitDurationInOpenState(breaker.waitInOpen())
			.permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
			.recordException(kindIn(HEALTH_FAILURES))
			.ignoreException(kindIn(Set.of(UpstreamException.Kind.AUTH, UpstreamException.Kind.BAD_REQUEST)))
			.build();
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

	private static Predicate<Throwable> kindIn(Set<UpstreamException.Kind> kinds) {
		return ex -> ex instanceof UpstreamException upstream && kinds.contains(upstream.kind());
	}

}
