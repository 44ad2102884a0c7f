package eu.tmall.gateway.delivery;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * When an offer reaches the shopper: the business-day range and the calendar dates it
 * spans.
 */
public record DeliveryEstimate(CountryCode shipsFrom, Origin origin, int minDays, int maxDays, LocalDate earliestDate,
		LocalDate latestDate, DeliverySpeed speed, @Nullable String carrier) {

}
