package eu.tmall.gateway.delivery;

import eu.tmall.gateway.pricing.Money;
import org.jspecify.annotations.Nullable;

/**
 * One way an offer can travel to the shopper in {@code shipTo}, and what it costs.
 */
public record ShippingOption(@Nullable String service, Shipment shipment, Money fee, CountryCode shipTo) {

}
