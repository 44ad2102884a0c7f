package eu.tmall.gateway.upstream;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The bulkhead bounds the calls in flight to an upstream across requests: one call past
 * it is refused at once, without waiting, and a finished call frees its place.
 */
class UpstreamResilienceTests {

	private final UpstreamResilience resilience = new UpstreamResilience(Upstream.ALIEXPRESS,
			new UpstreamsProperties.Endpoint(null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(5),
					Duration.ofSeconds(5), UpstreamsProperties.Retry.DEFAULTS, UpstreamsProperties.Breaker.DEFAULTS, 2,
					DataSize.ofMegabytes(1)),
			CircuitBreakerRegistry.ofDefaults());

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

}
