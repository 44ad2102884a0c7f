package eu.tmall.gateway.catalog;

import eu.tmall.gateway.delivery.CountryCode;
import org.jspecify.annotations.Nullable;

/**
 * A product's brand and, where the marketplace says it, the brand's home country.
 */
public record Brand(String name, @Nullable CountryCode country) {

}
