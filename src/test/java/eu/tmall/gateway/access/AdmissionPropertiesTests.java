package eu.tmall.gateway.access;

import java.time.Duration;

import eu.tmall.gateway.access.AdmissionProperties.Algorithm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * An admission limit that could not work is refused at start, with the setting to fix.
 */
class AdmissionPropertiesTests {

	@Test
	void shouldStartAtTheMaximumUnlessToldOtherwise() {
		assertThat(properties(null, 8, 96, Duration.ofSeconds(1)).initialLimit()).isEqualTo(96);
		assertThat(properties(20, 8, 96, Duration.ofSeconds(1)).initialLimit()).isEqualTo(20);
	}

	@Test
	void shouldRefuseBoundsOutOfOrder() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(null, 100, 96, Duration.ofSeconds(1)))
			.withMessage("gateway.admission needs 1 <= min-limit <= initial-limit <= max-limit, got 100, 96, 96");
		assertThatIllegalArgumentException().isThrownBy(() -> properties(200, 8, 96, Duration.ofSeconds(1)))
			.withMessageContaining("got 8, 200, 96");
		assertThatIllegalArgumentException().isThrownBy(() -> properties(null, 0, 96, Duration.ofSeconds(1)))
			.withMessageContaining("1 <= min-limit");
	}

	@Test
	void shouldRefuseARetryAfterThatIsNotWholeSeconds() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(null, 8, 96, Duration.ofMillis(1500)))
			.withMessageStartingWith("gateway.admission.retry-after must be a whole number of seconds");
		assertThatIllegalArgumentException().isThrownBy(() -> properties(null, 8, 96, Duration.ZERO))
			.withMessageStartingWith("gateway.admission.retry-after");
	}

	private static AdmissionProperties properties(Integer initialLimit, int minLimit, int maxLimit,
			Duration retryAfter) {
		return new AdmissionProperties(true, Algorithm.GRADIENT2, initialLimit, minLimit, maxLimit, 2.0, retryAfter,
				Duration.ofSeconds(10));
	}

}
