package eu.tmall.gateway.upstream;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The bulkhead bounds the calls in flight to an upstream across requests: one call past
 * it is refused at once, without waiting, and a finished call frees its place. A retry
 * never comes sooner than the failed answer asked, and a call the upstream asked to wait
 * past its deadline fails at once (Reactor's virtual time).
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
