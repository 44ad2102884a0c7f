package eu.tmall.gateway.delivery;

import org.jspecify.annotations.Nullable;

/**
 * How an offer travels, as its marketplace states it: from where, in how many business
 * days (dispatch included), and with whom.
 */
public record Shipment(CountryCode shipsFrom, int minDays, int maxDays, @Nullable String carrier) {

	public Shipment {
		if (minDays < 0 || maxDays < minDays) {
			throw new IllegalArgumentException(
					"delivery days must satisfy 0 <= min <= max, were %d and %d".formatted(minDays, maxDays));
		}
	}

}
