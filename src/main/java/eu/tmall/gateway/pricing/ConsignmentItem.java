package eu.tmall.gateway.pricing;

import org.jspecify.annotations.Nullable;

/**
 * One article of a parcel.
 *
 * @param price what the marketplace asks for it, in EUR with the destination's VAT
 * @param category the catalog category, which decides the tariff; {@code null} when
 * unknown
 */
public record ConsignmentItem(Money price, @Nullable String category) {

	public ConsignmentItem {
		if (price.currency() != Currency.EUR) {
			throw new IllegalArgumentException("an item's price must be quoted in EUR, not " + price.currency());
		}
		if (price.amount().signum() < 0) {
			throw new IllegalArgumentException("an item's price cannot be negative: " + price.amount());
		}
	}

}
