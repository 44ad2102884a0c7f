package eu.tmall.gateway.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import eu.tmall.gateway.MutableClockConfiguration.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));

	private final RateLimits limits = new RateLimits(
			Map.of("acme", new ClientsProperties.RateLimit(3, 1, Duration.ofSeconds(10))), this.clock);

	@Test
	void shouldLetABurstOfCapacityThrough() {
		assertThat(this.limits.tryAcquire("acme").block()).isNull();
		assertThat(this.limits.tryAcquire("acme").block()).isNull();
		assertThat(this.limits.tryAcquire("acme").block()).isNull();
	}

	@Test
	void shouldRefuseWhenTheBucketIsEmptyAndSayHowLongToWait() {
		drain();

		assertThat(this.limits.tryAcquire("acme").block()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void shouldRefillOneTokenPerPeriod() {
		drain();
		this.clock.advance(Duration.ofSeconds(9));
		assertThat(this.limits.tryAcquire("acme").block()).isEqualTo(Duration.ofSeconds(1));

		this.clock.advance(Duration.ofSeconds(1));

		assertThat(this.limits.tryAcquire("acme").block()).isNull();
		assertThat(this.limits.tryAcquire("acme").block()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void shouldNotRefillBeyondCapacity() {
		drain();
		this.clock.advance(Duration.ofHours(1));

		drain();

		assertThat(this.limits.tryAcquire("acme").block()).isNotNull();
	}

	@Test
	void shouldKeepOneBucketPerClient() {
		RateLimits two = new RateLimits(Map.of("a", new ClientsProperties.RateLimit(1, 1, Duration.ofMinutes(1)), "b",
				new ClientsProperties.RateLimit(1, 1, Duration.ofMinutes(1))), this.clock);

		assertThat(two.tryAcquire("a").block()).isNull();
		assertThat(two.tryAcquire("a").block()).isNotNull();
		assertThat(two.tryAcquire("b").block()).isNull();
	}

	@Test
	void shouldGiveEachInstanceItsShareRoundedUpWhileTheyCannotShare() {
		ClientsProperties.RateLimit share = RateLimits
			.share(new ClientsProperties.RateLimit(100, 10, Duration.ofMinutes(1)), 3);

		assertThat(share).isEqualTo(new ClientsProperties.RateLimit(34, 4, Duration.ofMinutes(1)));
	}

	private void drain() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.limits.tryAcquire("acme").block()).isNull();
		}
	}

}
