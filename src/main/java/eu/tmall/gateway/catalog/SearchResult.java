package eu.tmall.gateway.catalog;

import java.util.List;

/**
 * A page of the federated search: GTINs in merged order from {@code offset}, whether more
 * follow, the total (exact once every result is known, until then an upper bound), and
 * the marketplaces that failed.
 */
public record SearchResult(List<Gtin> gtins, int offset, boolean hasNextPage, int totalCount,
		List<MarketplaceFailure> failures) {

}
