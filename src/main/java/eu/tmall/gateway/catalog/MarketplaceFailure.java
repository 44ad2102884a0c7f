package eu.tmall.gateway.catalog;

/**
 * A marketplace that could not answer, so its part of a result is missing.
 */
public record MarketplaceFailure(Marketplace marketplace, Throwable cause) {

}
