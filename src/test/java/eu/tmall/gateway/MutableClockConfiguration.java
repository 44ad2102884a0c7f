package eu.tmall.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A gateway clock that tests move forward, starting where {@link FixedClockConfiguration}
 * fixes it, so TTLs pass without waiting for them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock(FixedClockConfiguration.NOW);
	}

	/** A clock that stands still until told to move. */
	public static final class MutableClock extends Clock {

		private volatile Instant now;

		public MutableClock(Instant now) {
			this.now = now;
		}

		public void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		public void set(Instant instant) {
			this.now = instant;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		/** A view in another zone that moves with this clock. */
		@Override
		public Clock withZone(ZoneId zone) {
			MutableClock source = this;
			return new Clock() {

				@Override
				public Instant instant() {
					return source.instant();
				}

				@Override
				public ZoneId getZone() {
					return zone;
				}

				@Override
				public Clock withZone(ZoneId other) {
					return source.withZone(other);
				}

			};
		}

	}

}
