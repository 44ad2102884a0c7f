package eu.tmall.gateway.pricing;

import java.util.List;

import eu.tmall.gateway.delivery.CountryCode;

/**
 * What the shopper buys in one parcel, amounts as the marketplace quotes them to
 * {@code shipTo}: EUR, destination VAT included.
 *
 * @param items the articles, at least one
 * @param shipping the delivery fee, in EUR with the destination's VAT
 * @param shipsFrom where the parcel leaves from
 * @param shipTo the shopper's country
 */
public record Consignment(List<ConsignmentItem> items, Money shipping, CountryCode shipsFrom, CountryCode shipTo) {

	public Consignment {
		if (items.isEmpty()) {
			throw new IllegalArgumentException("a consignment has at least one item");
		}
		if (shipping.currency() != Currency.EUR || shipping.amount().signum() < 0) {
			throw new IllegalArgumentException("shipping must be a non-negative EUR amount, not " + shipping);
		}
		items = List.copyOf(items);
	}

}
