package eu.tmall.gateway.catalog;

import eu.tmall.gateway.delivery.DeliveryEstimate;
import eu.tmall.gateway.pricing.Money;
import org.jspecify.annotations.Nullable;

/**
 * One way an offer can travel, as one shopper sees it: its fee in their currency and its
 * delivery dates.
 */
public record ShippingQuote(@Nullable String service, Money fee, DeliveryEstimate delivery) {

}
