package eu.tmall.gateway.upstream;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The bulkhead bounds the calls in flight to an upstream across requests: one call past
 * it is refused at once, without waiting, and a finished call frees its place. A retry
 * never comes sooner than the failed answer asked, a call the upstream asked to wait past
 * its deadline fails at once, and no attempt follows the deadline (Reactor's virtual
 * time). The breaker counts what says the upstream is unwell and nothing else, neither as
 * a failure nor as a success.
 */
class UpstreamResilienceTests {

	private static final Duration DEADLINE = Duration.ofSeconds(3);

	private final UpstreamResilience resilience = new UpstreamResilience(Upstream.ALIEXPRESS,
			new UpstreamsProperties.Endpoint(null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(5),
					Duration.ofSeconds(5), UpstreamsProperties.Retry.DEFAULTS, UpstreamsProperties.Breaker.DEFAULTS, 2,
					DataSize.ofMegabytes(1)),
			CircuitBreakerRegistry.ofDefaults());

	private final AtomicInteger attempts = new AtomicInteger();

	@Test
	void shouldRefuseACallPastMaxConcurrentCallsAtOnceAndTakeOneWhenAPlaceIsFree() {
		Disposable first = this.resilience.apply(Mono.never()).subscribe();
		Disposable second = this.resilience.apply(Mono.never()).subscribe();

		long started = System.nanoTime();
		assertThatExceptionOfType(UpstreamException.class)
			.isThrownBy(() -> this.resilience.apply(Mono.just("third")).block(Duration.ofSeconds(2)))
			.satisfies(ex -> assertThat(ex.kind()).isEqualTo(UpstreamException.Kind.RATE_LIMITED))
			.withMessageContaining("too many calls in flight");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));

		first.dispose();
		assertThat(this.resilience.apply(Mono.just("fourth")).block(Duration.ofSeconds(2))).isEqualTo("fourth");
		second.dispose();
	}

	@Test
	void shouldCountACallRefusedByTheGatewaysOwnBulkheadNeitherAsAFailureNorAsASuccess() {
		Disposable first = this.resilience.apply(Mono.never()).subscribe();
		Disposable second = this.resilience.apply(Mono.never()).subscribe();

		assertThatExceptionOfType(UpstreamException.class)
			.isThrownBy(() -> this.resilience.apply(Mono.just("third")).block(Duration.ofSeconds(2)));

		assertThat(this.resilience.breaker().getMetrics().getNumberOfBufferedCalls()).isZero();
		first.dispose();
		second.dispose();
	}

	@ParameterizedTest
	@EnumSource(names = { "TIMEOUT", "UNAVAILABLE", "RATE_LIMITED", "BAD_RESPONSE" })
	void shouldCountWhatSaysTheUpstreamIsUnwellAsAFailure(UpstreamException.Kind kind) {
		fail(kind);

		CircuitBreaker.Metrics metrics = this.resilience.breaker().getMetrics();
		assertThat(metrics.getNumberOfFailedCalls()).isEqualTo(1);
		assertThat(metrics.getNumberOfSuccessfulCalls()).isZero();
	}

	@ParameterizedTest
	@EnumSource(names = { "AUTH", "BAD_REQUEST" })
	void shouldCountARefusedCredentialOrParameterNeitherAsAFailureNorAsASuccess(UpstreamException.Kind kind) {
		fail(kind);

		assertThat(this.resilience.breaker().getMetrics().getNumberOfBufferedCalls()).isZero();
	}

	@Test
	void shouldCountAnUnexpectedErrorNeitherAsAFailureNorAsASuccess() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.resilience.breaker().executeSupplier(() -> {
				throw new IllegalStateException("not an upstream's failure");
			}));

		assertThat(this.resilience.breaker().getMetrics().getNumberOfBufferedCalls()).isZero();
	}

	@Test
	void shouldMakeNoAttemptAfterTheDeadline() {
		UpstreamResilience resilience = withDeadline(Duration.ofSeconds(1));
		// each attempt answers 503 after 350 ms: retried after 100 ms, then 200 ms (half
		// of it at random), until the deadline cuts the call
		Mono<String> slowlyUnavailable = Mono.defer(() -> countedAttempt(Mono.delay(Duration.ofMillis(350))
			.then(Mono.error(new UpstreamException(Upstream.ALIEXPRESS, UpstreamException.Kind.UNAVAILABLE,
					"answered HTTP 503", null, true)))));
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		try {
			AtomicReference<Throwable> failure = new AtomicReference<>();
			resilience.apply(slowlyUnavailable).subscribe(answer -> {
			}, failure::set);

			time.advanceTimeBy(Duration.ofMillis(999));
			assertThat(failure).hasNullValue();
			time.advanceTimeBy(Duration.ofMillis(1));
			assertThat(failure.get()).isInstanceOfSatisfying(UpstreamException.class,
					ex -> assertThat(ex.kind()).isEqualTo(UpstreamException.Kind.TIMEOUT));
			int attempts = this.attempts.get();
			time.advanceTimeBy(Duration.ofMinutes(1));

			assertThat(attempts).isBetween(2, 3);
			assertThat(this.attempts).as("attempts after the deadline").hasValue(attempts);
		}
		finally {
			VirtualTimeScheduler.reset();
		}
	}

	@Test
	void shouldNotRetryBeforeTheUpstreamAsked() {
		UpstreamResilience resilience = withDeadline(DEADLINE);

		StepVerifier.withVirtualTime(() -> resilience.apply(failingFirst(rateLimited(Duration.ofSeconds(1)))))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(999))
			.then(() -> assertThat(this.attempts).as("attempts before the second").hasValue(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("answer")
			.verifyComplete();
		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void shouldRetryAfterTheBackoffWhenTheUpstreamAskedForLess() {
		UpstreamResilience resilience = withDeadline(DEADLINE);

		// the default backoff is 100 ms with up to half of it at random
		StepVerifier.withVirtualTime(() -> resilience.apply(failingFirst(rateLimited(Duration.ofMillis(10)))))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(49))
			.thenAwait(Duration.ofMillis(101))
			.expectNext("answer")
			.verifyComplete();
		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void shouldFailAtOnceWhenTheUpstreamAsksToWaitPastTheDeadline() {
		UpstreamResilience resilience = withDeadline(DEADLINE);

		// no virtual time passes: an error after a wait would never come
		StepVerifier.withVirtualTime(() -> resilience.apply(failingFirst(rateLimited(Duration.ofSeconds(30)))))
			.expectSubscription()
			.expectErrorSatisfies(ex -> assertThat(ex).isInstanceOfSatisfying(UpstreamException.class, failure -> {
				assertThat(failure.kind()).isEqualTo(UpstreamException.Kind.RATE_LIMITED);
				assertThat(failure.retryable()).isFalse();
				assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(30));
				assertThat(failure).hasMessage("AliExpress: answered HTTP 429; it asked to be called again in 30 s, "
						+ "after this call's deadline of 3 s");
			}))
			.verify(Duration.ofSeconds(5));
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void shouldFailAtOnceWhenWhatIsLeftOfTheDeadlineIsShorterThanTheWaitAsked() {
		UpstreamResilience resilience = withDeadline(DEADLINE);

		// 2 s fit in the 3 s once; after them, another 2 s would end past the deadline
		StepVerifier
			.withVirtualTime(() -> resilience
				.apply(Mono.defer(() -> countedAttempt(Mono.error(rateLimited(Duration.ofSeconds(2)))))))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(2))
			.expectErrorSatisfies(ex -> assertThat(ex).hasMessageContaining("called again in 2 s"))
			.verify(Duration.ofSeconds(5));
		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void shouldCountACallRefusedPastTheDeadlineOnceInTheBreakerAsAnyRateLimit() {
		UpstreamResilience resilience = withDeadline(DEADLINE);

		StepVerifier.withVirtualTime(() -> resilience.apply(failingFirst(rateLimited(Duration.ofSeconds(30)))))
			.expectSubscription()
			.expectError(UpstreamException.class)
			.verify(Duration.ofSeconds(5));

		assertThat(resilience.breaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
		assertThat(resilience.breaker().getMetrics().getNumberOfNotPermittedCalls()).isZero();
	}

	private void fail(UpstreamException.Kind kind) {
		UpstreamException failure = new UpstreamException(Upstream.ALIEXPRESS, kind, "failed", null, false);
		assertThatExceptionOfType(UpstreamException.class)
			.isThrownBy(() -> this.resilience.apply(Mono.error(failure)).block(Duration.ofSeconds(2)));
	}

	private UpstreamResilience withDeadline(Duration deadline) {
		return new UpstreamResilience(Upstream.ALIEXPRESS,
				new UpstreamsProperties.Endpoint(null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(2),
						deadline, UpstreamsProperties.Retry.DEFAULTS, UpstreamsProperties.Breaker.DEFAULTS, 2,
						DataSize.ofMegabytes(1)),
				CircuitBreakerRegistry.ofDefaults());
	}

	/** A call whose first attempt fails as given and whose later ones answer. */
	private Mono<String> failingFirst(UpstreamException failure) {
		return Mono.defer(() -> countedAttempt((this.attempts.get() == 0) ? Mono.error(failure) : Mono.just("answer")));
	}

	private <T> Mono<T> countedAttempt(Mono<T> outcome) {
		this.attempts.incrementAndGet();
		return outcome;
	}

	private static UpstreamException rateLimited(Duration retryAfter) {
		return new UpstreamException(Upstream.ALIEXPRESS, UpstreamException.Kind.RATE_LIMITED, "answered HTTP 429",
				null, true, retryAfter);
	}

}
