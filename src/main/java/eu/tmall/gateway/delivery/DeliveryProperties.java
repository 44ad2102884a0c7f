package eu.tmall.gateway.delivery;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * How delivery dates are counted.
 *
 * @param cutOff when the warehouses stop taking the day's orders
 * @param holidays public holidays by country, added to the library's calendars: for the
 * countries it has none for, such as China, whose holidays are set year by year
 */
@ConfigurationProperties("gateway.delivery")
public record DeliveryProperties(@DefaultValue CutOff cutOff, @DefaultValue Map<CountryCode, Set<LocalDate>> holidays) {

	public Set<LocalDate> holidays(CountryCode country) {
		return this.holidays.getOrDefault(country, Set.of());
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

}
