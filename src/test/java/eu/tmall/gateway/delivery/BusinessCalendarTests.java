package eu.tmall.gateway.delivery;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final BusinessCalendar calendar = new BusinessCalendar(new DeliveryProperties(
			new DeliveryProperties.CutOff(LocalTime.of(14, 0), Map.of()),
			Map.of(CountryCode.of("CN"),
					new DeliveryProperties.Holidays(
							Map.of(2026, Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)), 2027,
									Set.of(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 8))),
							Set.of()),
					CountryCode.of("LT"), new DeliveryProperties.Holidays(Map.of(), Set.of(MonthDay.of(12, 24))))),
			this.meters);

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

	@Test
	void shouldAddTheConfiguredDaysJollydayMisses() {
		// Lithuania's Christmas Eve, a Thursday in 2026 and a Friday in 2027; the 23rd
		// stays a business day, and Christmas Day comes from Jollyday as before
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 12, 23), CountryCode.of("LT"))).isTrue();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 12, 24), CountryCode.of("LT"))).isFalse();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2027, 12, 24), CountryCode.of("LT"))).isFalse();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 12, 25), CountryCode.of("LT"))).isFalse();
		// Jollyday's own calendar misses it (when it no longer does, drop the configured
		// day)
		BusinessCalendar jollydayAlone = new BusinessCalendar(
				new DeliveryProperties(new DeliveryProperties.CutOff(LocalTime.of(14, 0), Map.of()), Map.of()),
				new SimpleMeterRegistry());
		assertThat(jollydayAlone.isBusinessDay(LocalDate.of(2026, 12, 24), CountryCode.of("LT"))).isTrue();
		// not added anywhere else: Germany works on Christmas Eve
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2026, 12, 24), CountryCode.of("DE"))).isTrue();
	}

	@Test
	void shouldTakeEachConfiguredYearOfACountryWithoutACalendar() {
		// Spring Festival 2027: its eve, a Friday, and its third day, a Monday
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2027, 2, 5), CountryCode.of("CN"))).isFalse();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2027, 2, 8), CountryCode.of("CN"))).isFalse();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2027, 2, 9), CountryCode.of("CN"))).isTrue();
	}

	@Test
	void shouldCountAYearNoConfiguredTableCovers() {
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2028, 10, 2), CountryCode.of("CN"))).isTrue();
		assertThat(this.calendar.isBusinessDay(LocalDate.of(2028, 10, 3), CountryCode.of("CN"))).isTrue();

		// one year asked for, counted once
		assertThat(this.meters.get("gateway.holidays.uncovered").tag("country", "CN").counter().count()).isEqualTo(1.0);
	}

	@Test
	void shouldSayWhereEachConfiguredCalendarEnds() {
		// China's covers 2026 and 2027; Lithuania's has Jollyday's beneath it, with no
		// end
		assertThat(this.calendar.configuredCalendarsEnd(LocalDate.of(2026, 11, 26)))
			.containsExactly(Map.entry(CountryCode.of("CN"), LocalDate.of(2028, 1, 1)));
		assertThat(this.calendar.configuredCalendarsEnd(LocalDate.of(2028, 3, 1)))
			.containsExactly(Map.entry(CountryCode.of("CN"), LocalDate.of(2028, 1, 1)));
	}

}
