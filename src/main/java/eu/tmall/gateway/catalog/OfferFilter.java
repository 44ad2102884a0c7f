package eu.tmall.gateway.catalog;

import java.math.BigDecimal;
import java.util.Set;

import eu.tmall.gateway.delivery.Origin;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

/**
 * Which offers to keep; a criterion left out keeps every offer.
 *
 * @param origins where the offer ships from, seen from the shopper
 * @param marketplaces the marketplaces to keep
 * @param inStock {@code true} keeps offers with stock, or whose marketplace does not say;
 * {@code false} or none keeps every offer
 * @param maxDeliveryDays the most business days to the door
 * @param maxLandedCost the most the offer may cost delivered, in the request's currency
 */
public record OfferFilter(@Nullable Set<Origin> origins, @Nullable Set<Marketplace> marketplaces,
		@Nullable Boolean inStock, @Nullable @PositiveOrZero Integer maxDeliveryDays,
		@Nullable @PositiveOrZero BigDecimal maxLandedCost) {

	public static final OfferFilter NONE = new OfferFilter(null, null, null, null, null);

	public boolean test(Quote quote) {
		return (this.origins == null || this.origins.contains(quote.origin()))
				&& (this.marketplaces == null || this.marketplaces.contains(quote.marketplace()))
				&& (!Boolean.TRUE.equals(this.inStock) || quote.isAvailable())
				&& (this.maxDeliveryDays == null || quote.maxDays() <= this.maxDeliveryDays)
				&& (this.maxLandedCost == null || quote.total().amount().compareTo(this.maxLandedCost) <= 0);
	}

}
