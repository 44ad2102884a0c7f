package eu.tmall.gateway.delivery;

import org.jspecify.annotations.Nullable;

/**
 * How an offer travels, as its marketplace states it: from where, in how many business
 * days (dispatch included), and with whom.
 */
public record Shipment(CountryCode shipsFrom, int minDays, int maxDays, @Nullable String carrier) {

	/**
	 * Half a year of business days: more is a broken listing, and dates are counted day
	 * by day.
	 */
	public static final int MAX_DAYS = 120;

	public Shipment {
		if (minDays < 0 || maxDays < minDays || maxDays > MAX_DAYS) {
			throw new IllegalArgumentException("delivery days must satisfy 0 <= min <= max <= %d, were %d and %d"
				.formatted(MAX_DAYS, minDays, maxDays));
		}
	}

}
