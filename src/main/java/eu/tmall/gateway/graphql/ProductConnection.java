package eu.tmall.gateway.graphql;

import java.util.ArrayList;
import java.util.List;

import eu.tmall.gateway.catalog.QuotedProduct;
import eu.tmall.gateway.catalog.SearchResult;
import org.jspecify.annotations.Nullable;

/**
 * A page of search results, as the Relay cursor connection specification shapes it.
 */
record ProductConnection(List<Edge> edges, PageInfo pageInfo, int totalCount) {

	/**
	 * The page of a search, skipping products that no marketplace could describe after
	 * all.
	 */
	static ProductConnection of(SearchResult result, List<@Nullable QuotedProduct> products) {
		List<Edge> edges = new ArrayList<>();
		for (int i = 0; i < products.size(); i++) {
			QuotedProduct product = products.get(i);
			if (product != null) {
				edges.add(new Edge(Cursor.of(result.offset() + i), product));
			}
		}
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new ProductConnection(edges, new PageInfo(result.hasNextPage(), result.offset() > 0, start, end),
				result.totalCount());
	}

	record Edge(String cursor, QuotedProduct node) {

	}

	record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor,
			@Nullable String endCursor) {

	}

}
