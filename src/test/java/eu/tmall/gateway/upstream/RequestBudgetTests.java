package eu.tmall.gateway.upstream;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A request's budget: calls to each upstream counted apart, attempts and retries alike,
 * and a deadline read from a ticker the tests move. What it stops is the request's own
 * doing: no circuit breaker counts it, and no retry repeats it.
 */
class RequestBudgetTests {

	private final AtomicLong nanos = new AtomicLong(1_000);

	private final UpstreamResilience resilience = new UpstreamResilience(Upstream.TMALL_EUROPE,
			new UpstreamsProperties.Endpoint(null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(5),
					Duration.ofSeconds(10), new UpstreamsProperties.Retry(3, Duration.ofMillis(1), 1, 0),
					UpstreamsProperties.Breaker.DEFAULTS, 16, DataSize.ofMegabytes(1)),
			CircuitBreakerRegistry.ofDefaults());

	private final CircuitBreaker breaker = this.resilience.breaker();

	@Test
	void shouldCountEachUpstreamsCallsApartUpToTheLimit() {
		RequestBudget budget = new RequestBudget(2, Duration.ofSeconds(5), this.nanos::get);

		assertThat(budget.tryCall(Upstream.TMALL_EUROPE)).isTrue();
		assertThat(budget.tryCall(Upstream.TMALL_EUROPE)).isTrue();
		assertThat(budget.tryCall(Upstream.TMALL_EUROPE)).isFalse();
		assertThat(budget.tryCall(Upstream.ALIEXPRESS)).isTrue();

		assertThat(budget.calls(Upstream.TMALL_EUROPE)).isEqualTo(2);
		assertThat(budget.calls(Upstream.ALIEXPRESS)).isEqualTo(1);
	}

	@Test
	void shouldCountDownToTheDeadlineAndStopAtZero() {
		RequestBudget budget = new RequestBudget(2, Duration.ofSeconds(5), this.nanos::get);

		this.nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		assertThat(budget.remaining()).isEqualTo(Duration.ofSeconds(3));

		this.nanos.addAndGet(Duration.ofSeconds(4).toNanos());
		assertThat(budget.remaining()).isZero();
	}

	@Test
	void shouldLimitNothingOutsideARequest() {
		AtomicInteger attempts = new AtomicInteger();

		for (int i = 0; i < 50; i++) {
			this.resilience.apply(Mono.fromCallable(attempts::incrementAndGet)).block(Duration.ofSeconds(5));
		}

		assertThat(attempts).hasValue(50);
	}

	@Test
	void shouldRefuseACallPastTheBudgetWithoutCallingOrCountingItInTheBreaker() {
		RequestBudget budget = new RequestBudget(2, Duration.ofSeconds(5), this.nanos::get);
		AtomicInteger attempts = new AtomicInteger();

		call(Mono.fromCallable(attempts::incrementAndGet), budget);
		call(Mono.fromCallable(attempts::incrementAndGet), budget);
		assertThatExceptionOfType(RequestBudgetExceededException.class)
			.isThrownBy(() -> call(Mono.fromCallable(attempts::incrementAndGet), budget))
			.withMessage("Tmall Europe: this request has made the 2 calls to the marketplace that "
					+ "gateway.limits.max-upstream-calls allows: ask for fewer or shallower searches in one request")
			.satisfies(ex -> assertThat(ex.upstream()).isEqualTo(Upstream.TMALL_EUROPE))
			.satisfies(ex -> assertThat(ex.budget()).isSameAs(budget));

		assertThat(attempts).hasValue(2);
		assertThat(this.breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(2);
		assertThat(this.breaker.getMetrics().getNumberOfFailedCalls()).isZero();
		assertThat(this.breaker.getMetrics().getNumberOfNotPermittedCalls()).isZero();
	}

	@Test
	void shouldChargeEveryRetryAndNotRetryWhatTheBudgetRefused() {
		RequestBudget budget = new RequestBudget(2, Duration.ofSeconds(5), this.nanos::get);
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> unavailable = Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(new UpstreamException(Upstream.TMALL_EUROPE, UpstreamException.Kind.UNAVAILABLE,
					"answered HTTP 503", null, true));
		});

		assertThatExceptionOfType(RequestBudgetExceededException.class).isThrownBy(() -> call(unavailable, budget));

		// three attempts allowed, two budgeted: the third is refused, not sent
		assertThat(attempts).hasValue(2);
		assertThat(budget.calls(Upstream.TMALL_EUROPE)).isEqualTo(2);
		assertThat(this.breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(2);
	}

	@Test
	void shouldCutACallAtTheRequestsDeadlineWithoutCountingItInTheBreaker() {
		RequestBudget budget = new RequestBudget(40, Duration.ofMillis(200));

		long started = System.nanoTime();
		assertThatExceptionOfType(RequestDeadlineExceededException.class).isThrownBy(() -> call(Mono.never(), budget))
			.withMessage("Tmall Europe: no answer within the request's deadline "
					+ "(gateway.limits.request-deadline, 200 ms)");

		// the call's own deadline is 10 s: the request's cut it
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
		assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void shouldFailACallThatStartsAfterTheRequestsDeadlineAtOnce() {
		RequestBudget budget = new RequestBudget(40, Duration.ofSeconds(5), this.nanos::get);
		AtomicInteger attempts = new AtomicInteger();
		this.nanos.addAndGet(Duration.ofSeconds(5).toNanos());

		assertThatExceptionOfType(RequestDeadlineExceededException.class)
			.isThrownBy(() -> call(Mono.fromCallable(attempts::incrementAndGet), budget));

		assertThat(attempts).hasValue(0);
		assertThat(this.breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
	}

	@Test
	void shouldKeepTheCallsOwnDeadlineWhenTheRequestHasMoreTime() {
		UpstreamResilience quick = new UpstreamResilience(Upstream.ALIEXPRESS,
				new UpstreamsProperties.Endpoint(null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(5),
						Duration.ofMillis(200), new UpstreamsProperties.Retry(1, Duration.ofMillis(1), 1, 0),
						UpstreamsProperties.Breaker.DEFAULTS, 16, DataSize.ofMegabytes(1)),
				CircuitBreakerRegistry.ofDefaults());
		RequestBudget budget = new RequestBudget(40, Duration.ofMinutes(1));

		assertThatExceptionOfType(UpstreamException.class)
			.isThrownBy(() -> quick.apply(Mono.never())
				.contextWrite(context -> context.put(RequestBudget.class, budget))
				.block(Duration.ofSeconds(10)))
			.satisfies(ex -> assertThat(ex.kind()).isEqualTo(UpstreamException.Kind.TIMEOUT))
			.withMessageContaining("no answer within the deadline");
	}

	@Test
	void shouldNameTheCallAfterItsUpstreamForItsTimeout() {
		RequestBudget budget = new RequestBudget(40, Duration.ofMinutes(1));

		Object failure = RequestBudget.within(Upstream.ALIEXPRESS, Duration.ofMillis(50), Mono.never())
			.contextWrite(context -> context.put(RequestBudget.class, budget))
			.onErrorResume(Mono::just)
			.block(Duration.ofSeconds(10));

		assertThat(failure).isInstanceOf(TimeoutException.class)
			.asInstanceOf(InstanceOfAssertFactories.THROWABLE)
			.hasMessageContaining("in 'aliexpress'");
	}

	private <T> T call(Mono<T> call, RequestBudget budget) {
		return this.resilience.apply(call)
			.contextWrite(context -> context.put(RequestBudget.class, budget))
			.block(Duration.ofSeconds(10));
	}

}
