package eu.tmall.gateway.observability;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A flush interval that would hold the summary lines back for long, or makes no sense, is
 * refused at start with the setting to fix.
 */
class SummaryLogPropertiesTests {

	@Test
	void shouldRefuseANegativeIntervalOrOneOverAMinute() {
		for (Duration interval : new Duration[] { Duration.ofMillis(-1), Duration.ofSeconds(61) }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new SummaryLogProperties(interval))
				.withMessage("gateway.observability.summary-log.flush-interval must be between 0 and 1m, e.g. 500ms");
		}
	}

	@Test
	void shouldTakeZeroAndAMinute() {
		assertThatNoException().isThrownBy(() -> new SummaryLogProperties(Duration.ZERO));
		assertThatNoException().isThrownBy(() -> new SummaryLogProperties(Duration.ofMinutes(1)));
	}

}
