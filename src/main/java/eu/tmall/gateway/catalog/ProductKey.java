package eu.tmall.gateway.catalog;

import eu.tmall.gateway.delivery.CountryCode;

/**
 * What identifies a federated product: its GTIN, for one destination.
 */
public record ProductKey(Gtin gtin, CountryCode shipTo) {

}
