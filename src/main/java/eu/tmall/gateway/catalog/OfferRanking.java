package eu.tmall.gateway.catalog;

/**
 * What makes an offer the best one.
 */
public enum OfferRanking {

	CHEAPEST(OfferSort.LANDED_COST), FASTEST(OfferSort.DELIVERY), BEST_VALUE(OfferSort.BEST_VALUE);

	private final OfferSort order;

	OfferRanking(OfferSort order) {
		this.order = order;
	}

	OfferSort order() {
		return this.order;
	}

}
