package eu.tmall.gateway.catalog;

import java.util.Comparator;

/**
 * The orders a product's offers can be listed in. Ties fall back to the cheaper, then to
 * the marketplace and its offer id, so the order never depends on the upstreams'.
 */
public enum OfferSort {

	/** Cheapest delivered first. */
	LANDED_COST,

	/** Soonest at the door first: fewest business days, then the earlier date. */
	DELIVERY,

	/** Best trade of money for days first (see {@link QuotedProduct#bestValueScore}). */
	BEST_VALUE;

	static final Comparator<Quote> CHEAPEST = Comparator.comparing((Quote quote) -> quote.total().amount())
		.thenComparing(Quote::marketplace)
		.thenComparing(quote -> quote.offer().offerId());

	static final Comparator<Quote> FASTEST = Comparator.comparingInt(Quote::maxDays)
		.thenComparing(quote -> quote.delivery().latestDate())
		.thenComparingInt(quote -> quote.delivery().minDays())
		.thenComparing(CHEAPEST);

	Comparator<Quote> comparator(QuotedProduct product) {
		return switch (this) {
			case LANDED_COST -> CHEAPEST;
			case DELIVERY -> FASTEST;
			case BEST_VALUE -> Comparator.comparing(product::bestValueScore).thenComparing(CHEAPEST);
		};
	}

}
