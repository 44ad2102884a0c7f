package eu.tmall.gateway.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A product's offers side by side: the shopper's question "pay more to get it sooner?"
 * answered.
 *
 * @param cheapest the lowest landed cost
 * @param fastest the fewest business days to the door
 * @param bestValue the best trade of money for days
 * @param localPremium the cheapest offer from inside the EU against the cheapest import,
 * when there are both
 * @param daysSaved how many business days sooner that local offer arrives than that
 * import, when there are both
 */
public record OfferComparison(Quote cheapest, Quote fastest, Quote bestValue, @Nullable LocalPremium localPremium,
		@Nullable Integer daysSaved) {

}
