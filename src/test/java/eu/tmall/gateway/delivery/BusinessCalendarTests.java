package eu.tmall.gateway.delivery;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTests {

	private final BusinessCalendar calendar = new BusinessCalendar(
			new DeliveryProperties(new DeliveryProperties.CutOff(LocalTime.of(14, 0), Map.of()),
					Map.of(CountryCode.of("CN"), Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)))));

	@Test
	void shouldNotWorkAtTheWeekend() {
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 12, 4), CountryCode.of("ES"))).isTrue();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 12, 5), CountryCode.of("ES"))).isFalse();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 12, 6), CountryCode.of("ES"))).isFalse();
	}

	@Test
	void shouldSkipOnlyTheCountrysOwnNationalHolidays() {
		// Inmaculada Concepción, a Tuesday
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 12, 8), CountryCode.of("ES"))).isFalse();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 12, 8), CountryCode.of("DE"))).isTrue();
		// Easter Monday, national in Germany, regional in Spain
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 4, 6), CountryCode.of("DE"))).isFalse();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 4, 6), CountryCode.of("ES"))).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "ES", "DE", "FR", "IT", "PL", "NL", "PT", "GB", "US" })
	void shouldSkipChristmasDay(String country) {
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 12, 25), CountryCode.of(country))).isFalse();
	}

	@Test
	void shouldIgnoreRegionalHolidays() {
		// Corpus Christi, a Thursday: a holiday in Bavaria but not in all of Germany
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 6, 4), CountryCode.of("DE"))).isTrue();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 6, 4), CountryCode.of("PL"))).isFalse();
	}

	@Test
	void shouldSkipTheDayAHolidayIsTakenOn() {
		// Boxing Day is a Saturday, taken on Monday
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 12, 28), CountryCode.of("GB"))).isFalse();
		// New Year's Day 2028 is a Saturday, taken on Friday the year before
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2027, 12, 31), CountryCode.of("US"))).isFalse();
	}

	@Test
	void shouldTakeTheConfiguredHolidaysOfACountryWithoutACalendar() {
		// Jollyday has no calendar for China: National Day, a Thursday, comes from the
		// configuration
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 10, 1), CountryCode.of("CN"))).isFalse();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 10, 3), CountryCode.of("CN"))).isFalse();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 10, 8), CountryCode.of("CN"))).isTrue();
		// nor for South Korea, configured with none: only its weekends are days off
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 10, 9), CountryCode.of("KR"))).isTrue();
	}

}
