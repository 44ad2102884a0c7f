package eu.tmall.gateway.delivery;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * Turns a shipment into dates, counting business days (Monday to Friday) in the
 * destination's time zone from today's date on the injected clock.
 */
@Component
public class DeliveryEstimator {

	private final Clock clock;

	public DeliveryEstimator(Clock clock) {
		this.clock = clock;
	}

	public DeliveryEstimate estimate(Shipment shipment, CountryCode shipTo) {
		LocalDate today = LocalDate.now(this.clock.withZone(shipTo.timeZone()));
		return new DeliveryEstimate(shipment.shipsFrom(), Origin.of(shipment.shipsFrom(), shipTo), shipment.minDays(),
				shipment.maxDays(), addBusinessDays(today, shipment.minDays()),
				addBusinessDays(today, shipment.maxDays()), shipment.carrier());
	}

	static LocalDate addBusinessDays(LocalDate start, int days) {
		LocalDate date = start;
		for (int counted = 0; counted < days;) {
			date = date.plusDays(1);
			if (isBusinessDay(date)) {
				counted++;
			}
		}
		return date;
	}

	private static boolean isBusinessDay(LocalDate date) {
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

}
