package eu.tmall.gateway.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryEstimatorTests {

	private static final CountryCode SPAIN = CountryCode.of("ES");

	private static final CountryCode GERMANY = CountryCode.of("DE");

	private static final CountryCode CHINA = CountryCode.of("CN");

	private final BusinessCalendar calendar = new BusinessCalendar(
			new DeliveryProperties(new DeliveryProperties.CutOff(LocalTime.of(14, 0), Map.of()), Map.of()),
			new SimpleMeterRegistry());

	@Test
	void shouldCountBusinessDaysAcrossTheWeekend() {
		// Thursday 11:00 in Madrid
		DeliveryEstimate estimate = at("2026-11-26T10:00:00Z").estimate(new Shipment(SPAIN, 1, 3, "Correos"), SPAIN);

		assertThat(estimate.earliestDate()).isEqualTo(LocalDate.of(2026, 11, 27));
		assertThat(estimate.latestDate()).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(estimate.origin()).isEqualTo(Origin.DOMESTIC);
		assertThat(estimate.carrier()).isEqualTo("Correos");
	}

	@Test
	void shouldDeliverTheSameDayForZeroDays() {
		DeliveryEstimate estimate = at("2026-11-26T10:00:00Z").estimate(new Shipment(SPAIN, 0, 0, null), SPAIN);

		assertThat(estimate.earliestDate()).isEqualTo(LocalDate.of(2026, 11, 26));
		assertThat(estimate.latestDate()).isEqualTo(LocalDate.of(2026, 11, 26));
	}

	@Test
	void shouldSkipTheDestinationsHolidays() {
		// Friday 10:00 in Berlin; Tuesday 2026-12-08 is a holiday in Spain only
		DeliveryEstimator estimator = at("2026-12-04T09:00:00Z");

		DeliveryEstimate toSpain = estimator.estimate(new Shipment(GERMANY, 1, 3, null), SPAIN);
		DeliveryEstimate toGermany = estimator.estimate(new Shipment(GERMANY, 1, 3, null), GERMANY);

		assertThat(toSpain.earliestDate()).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(toSpain.latestDate()).isEqualTo(LocalDate.of(2026, 12, 10));
		assertThat(toSpain.origin()).isEqualTo(Origin.EU);
		assertThat(toGermany.latestDate()).isEqualTo(LocalDate.of(2026, 12, 9));
	}

	@Test
	void shouldSkipChristmasDay() {
		// Wednesday 11:00 in Madrid
		DeliveryEstimate estimate = at("2026-12-23T10:00:00Z").estimate(new Shipment(SPAIN, 1, 3, null), SPAIN);

		assertThat(estimate.earliestDate()).isEqualTo(LocalDate.of(2026, 12, 24));
		assertThat(estimate.latestDate()).isEqualTo(LocalDate.of(2026, 12, 29));
	}

	@Test
	void shouldTakeAnOrderPlacedOnAHolidayOnTheNextBusinessDay() {
		DeliveryEstimate estimate = at("2026-12-25T10:00:00Z").estimate(new Shipment(SPAIN, 1, 1, null), SPAIN);

		assertThat(estimate.earliestDate()).isEqualTo(LocalDate.of(2026, 12, 29));
	}

	@Test
	void shouldCountIntoTheNextYear() {
		// Friday 2027-01-01 and Wednesday 2027-01-06 are holidays in Spain
		DeliveryEstimate estimate = at("2026-12-30T10:00:00Z").estimate(new Shipment(SPAIN, 1, 4, null), SPAIN);

		assertThat(estimate.earliestDate()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(estimate.latestDate()).isEqualTo(LocalDate.of(2027, 1, 7));
	}

	@Test
	void shouldSkipTheShipFromCountrysHolidays() {
		// Easter Monday, 10:00 in Berlin: a holiday in Germany, not in Spain
		DeliveryEstimator easterMonday = at("2026-04-06T08:00:00Z");

		DeliveryEstimate fromGermany = easterMonday.estimate(new Shipment(GERMANY, 1, 2, null), SPAIN);
		DeliveryEstimate fromSpain = easterMonday.estimate(new Shipment(SPAIN, 1, 2, null), SPAIN);

		assertThat(fromGermany.earliestDate()).isEqualTo(LocalDate.of(2026, 4, 8));
		assertThat(fromGermany.latestDate()).isEqualTo(LocalDate.of(2026, 4, 9));
		assertThat(fromSpain.earliestDate()).isEqualTo(LocalDate.of(2026, 4, 7));
		assertThat(fromSpain.latestDate()).isEqualTo(LocalDate.of(2026, 4, 8));
	}

	@Test
	void shouldSkipTheShipFromCountrysHolidaysInTransit() {
		// Thursday before Easter, 10:00 in Berlin: Good Friday is a holiday in both
		// countries, Easter Monday in Germany only
		DeliveryEstimate estimate = at("2026-04-02T08:00:00Z").estimate(new Shipment(GERMANY, 1, 2, null), SPAIN);

		assertThat(estimate.earliestDate()).isEqualTo(LocalDate.of(2026, 4, 7));
		assertThat(estimate.latestDate()).isEqualTo(LocalDate.of(2026, 4, 8));
	}

	@Test
	void shouldNotTakeOrdersOnAHolidayOfAWarehouseOutsideTheEu() {
		// Thanksgiving, 10:00 in New York
		DeliveryEstimate estimate = at("2026-11-26T15:00:00Z").estimate(new Shipment(CountryCode.of("US"), 1, 1, null),
				GERMANY);

		assertThat(estimate.earliestDate()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(estimate.origin()).isEqualTo(Origin.CROSS_BORDER);
	}

	@ParameterizedTest(name = "ordered at {0}, delivered {1}")
	@CsvSource({ "2026-11-26T12:59:00Z, 2026-11-27", "2026-11-26T13:00:00Z, 2026-11-30",
			"2026-11-26T14:00:00Z, 2026-11-30" })
	void shouldTakeOrdersAfterTheCutOffOnTheNextBusinessDay(Instant now, LocalDate delivered) {
		// 13:59, 14:00 and 15:00 in Madrid on a Thursday
		DeliveryEstimate estimate = at(now.toString()).estimate(new Shipment(SPAIN, 1, 1, null), SPAIN);

		assertThat(estimate.earliestDate()).isEqualTo(delivered);
	}

	@Test
	void shouldUseTheWarehousesOwnCutOffInItsLocalTime() {
		// Thursday 15:00 in Shanghai, 08:00 in Madrid
		Shipment fromChina = new Shipment(CHINA, 1, 1, null);

		DeliveryEstimate byDefault = at("2026-11-26T07:00:00Z").estimate(fromChina, SPAIN);
		DeliveryEstimate untilFour = at("2026-11-26T07:00:00Z", Map.of(CHINA, LocalTime.of(16, 0))).estimate(fromChina,
				SPAIN);

		assertThat(byDefault.earliestDate()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(untilFour.earliestDate()).isEqualTo(LocalDate.of(2026, 11, 27));
	}

	@Test
	void shouldTakeTheWarehousesLocalDate() {
		// Friday 23:30 in Madrid is already Saturday in Shanghai
		DeliveryEstimate estimate = at("2026-11-27T22:30:00Z").estimate(new Shipment(CHINA, 1, 1, null), SPAIN);

		assertThat(estimate.earliestDate()).isEqualTo(LocalDate.of(2026, 12, 1));
	}

	@ParameterizedTest(name = "at most {0} days is {1}")
	@CsvSource({ "0, EXPRESS", "2, EXPRESS", "3, STANDARD", "5, STANDARD", "6, ECONOMY", "30, ECONOMY" })
	void shouldClassifyTheSpeedByTheMostDays(int maxDays, DeliverySpeed speed) {
		DeliveryEstimate estimate = at("2026-11-26T10:00:00Z").estimate(new Shipment(SPAIN, 0, maxDays, null), SPAIN);

		assertThat(estimate.speed()).isEqualTo(speed);
		assertThat(DeliverySpeed.of(maxDays)).isEqualTo(speed);
	}

	private DeliveryEstimator at(String instant) {
		return at(instant, Map.of());
	}

	private DeliveryEstimator at(String instant, Map<CountryCode, LocalTime> warehouseCutOffs) {
		return new DeliveryEstimator(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), this.calendar,
				new DeliveryProperties(new DeliveryProperties.CutOff(LocalTime.of(14, 0), warehouseCutOffs), Map.of()));
	}

}
