package eu.tmall.gateway.catalog;

import eu.tmall.gateway.delivery.CountryCode;

/**
 * What identifies an offer: the marketplace's own id, for one destination.
 */
public record OfferKey(Marketplace marketplace, String offerId, CountryCode shipTo) {

}
