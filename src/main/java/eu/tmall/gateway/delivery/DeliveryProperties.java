package eu.tmall.gateway.delivery;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * How delivery dates are counted.
 *
 * @param cutOff when the warehouses stop taking the day's orders
 * @param holidays public holidays by country, added to the library's calendars: the years
 * of a country it has no calendar for, such as China, whose holidays are set year by
 * year, and the days it misses, such as Lithuania's Christmas Eve
 */
@ConfigurationProperties("gateway.delivery")
public record DeliveryProperties(@DefaultValue CutOff cutOff, @DefaultValue Map<CountryCode, Holidays> holidays) {

	public Holidays holidays(CountryCode country) {
		return this.holidays.getOrDefault(country, Holidays.NONE);
	}

	/**
	 * The time of day after which an order leaves on the warehouse's next business day.
	 *
	 * @param defaultTime the cut-off of a warehouse not listed, in its local time
	 * @param warehouses cut-offs by ship-from country, each in that warehouse's local
	 * time
	 */
	public record CutOff(@Name("default") @DefaultValue("14:00") LocalTime defaultTime,
			@DefaultValue Map<CountryCode, LocalTime> warehouses) {

		public LocalTime of(CountryCode warehouse) {
			return this.warehouses.getOrDefault(warehouse, this.defaultTime);
		}

	}

	/**
	 * A country's configured public holidays.
	 *
	 * @param years the holidays of each year listed: for a country without a library
	 * calendar, the years listed are the ones its calendar covers
	 * @param annual days off every year, as {@code --MM-DD}
	 */
	public record Holidays(@DefaultValue Map<Integer, Set<LocalDate>> years, @DefaultValue Set<MonthDay> annual) {

		static final Holidays NONE = new Holidays(Map.of(), Set.of());

		public Holidays {
			years = new TreeMap<>(years);
			years.forEach((year,
					dates) -> dates.stream().filter(date -> date.getYear() != year).findFirst().ifPresent(date -> {
						throw new IllegalArgumentException(
								"gateway.delivery.holidays lists %s under the year %d".formatted(date, year));
					}));
			years = Map.copyOf(years);
			annual = Set.copyOf(annual);
		}

		/** Every configured holiday of {@code year}. */
		Set<LocalDate> of(int year) {
			Set<LocalDate> dates = new HashSet<>(this.years.getOrDefault(year, Set.of()));
			this.annual.forEach(day -> dates.add(day.atYear(year)));
			return dates;
		}

		boolean covers(int year) {
			return this.years.containsKey(year);
		}

		/**
		 * The first year from {@code year} on that is not listed: the year the calendar
		 * runs out.
		 */
		int firstYearNotCovered(int year) {
			int next = year;
			while (covers(next)) {
				next++;
			}
			return next;
		}

		boolean isEmpty() {
			return this.years.isEmpty() && this.annual.isEmpty();
		}

	}

}
