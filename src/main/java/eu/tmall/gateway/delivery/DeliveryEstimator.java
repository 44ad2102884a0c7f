package eu.tmall.gateway.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Turns a shipment into dates. The warehouse takes the order today if it is one of its
 * business days and before its cut-off, else on its next business day; from there the
 * parcel travels on days that are business days at both ends.
 */
@Component
public class DeliveryEstimator {

	private final Clock clock;

	private final BusinessCalendar calendar;

	private final DeliveryProperties.CutOff cutOff;

	// a few warehouse countries, destinations and day ranges make every route there is;
	// counting its days costs a calendar lookup per day and country, for every offer
	private final Cache<Route, Dates> dates = Caffeine.newBuilder().maximumSize(10_000).build();

	public DeliveryEstimator(Clock clock, BusinessCalendar calendar, DeliveryProperties properties) {
		this.clock = clock;
		this.calendar = calendar;
		this.cutOff = properties.cutOff();
	}

	public DeliveryEstimate estimate(Shipment shipment, CountryCode shipTo) {
		CountryCode shipsFrom = shipment.shipsFrom();
		Route route = new Route(acceptanceDay(shipsFrom), shipsFrom, shipTo, shipment.minDays(), shipment.maxDays());
		Dates dates = this.dates.get(route, this::count);
		return new DeliveryEstimate(shipsFrom, Origin.of(shipsFrom, shipTo), shipment.minDays(), shipment.maxDays(),
				dates.earliest(), dates.latest(), DeliverySpeed.of(shipment.maxDays()), shipment.carrier());
	}

	private Dates count(Route route) {
		LocalDate earliest = addBusinessDays(route.accepted(), route.minDays(), route.from(), route.to());
		LocalDate latest = addBusinessDays(earliest, route.maxDays() - route.minDays(), route.from(), route.to());
		return new Dates(earliest, latest);
	}

	private LocalDate acceptanceDay(CountryCode warehouse) {
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(warehouse.timeZone()));
		LocalDate today = now.toLocalDate();
		if (now.toLocalTime().isBefore(this.cutOff.of(warehouse)) && this.calendar.isBusinessDay(today, warehouse)) {
			return today;
		}
		LocalDate next = today.plusDays(1);
		while (!this.calendar.isBusinessDay(next, warehouse)) {
			next = next.plusDays(1);
		}
		return next;
	}

	private LocalDate addBusinessDays(LocalDate start, int days, CountryCode shipsFrom, CountryCode shipTo) {
		LocalDate date = start;
		for (int counted = 0; counted < days;) {
			date = date.plusDays(1);
			if (this.calendar.isBusinessDay(date, shipsFrom) && this.calendar.isBusinessDay(date, shipTo)) {
				counted++;
			}
		}
		return date;
	}

	private record Route(LocalDate accepted, CountryCode from, CountryCode to, int minDays, int maxDays) {

	}

	private record Dates(LocalDate earliest, LocalDate latest) {

	}

}
