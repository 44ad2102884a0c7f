package eu.tmall.gateway.delivery;

import eu.tmall.gateway.pricing.Currency;
import eu.tmall.gateway.pricing.Money;
import org.jspecify.annotations.Nullable;

/**
 * One way an offer can travel to the shopper in {@code shipTo}, and what it costs.
 */
public record ShippingOption(@Nullable String service, Shipment shipment, Money fee, CountryCode shipTo) {

	public ShippingOption {
		if (fee.currency() != Currency.EUR) {
			throw new IllegalArgumentException("a shipping fee is quoted in EUR, was " + fee.currency());
		}
	}

}
