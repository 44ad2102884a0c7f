package eu.tmall.gateway.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryEstimatorTests {

	// Thursday 2026-11-26, 10:00 UTC
	private final DeliveryEstimator estimator = new DeliveryEstimator(
			Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

	@Test
	void shouldCountBusinessDaysAcrossTheWeekend() {
		DeliveryEstimate estimate = this.estimator.estimate(new Shipment(CountryCode.of("ES"), 1, 3, "Correos"),
				CountryCode.of("ES"));

		assertThat(estimate.earliestDate()).isEqualTo(LocalDate.of(2026, 11, 27));
		assertThat(estimate.latestDate()).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(estimate.origin()).isEqualTo(Origin.DOMESTIC);
	}

	@Test
	void shouldCountInTheDestinationsTimeZone() {
		DeliveryEstimator lateEvening = new DeliveryEstimator(
				Clock.fixed(Instant.parse("2026-11-27T23:30:00Z"), ZoneOffset.UTC));

		DeliveryEstimate estimate = lateEvening.estimate(new Shipment(CountryCode.of("CN"), 1, 1, null),
				CountryCode.of("FI"));

		// Already Saturday in Helsinki, so the first business day is Monday
		assertThat(estimate.earliestDate()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(estimate.origin()).isEqualTo(Origin.CROSS_BORDER);
	}

}
