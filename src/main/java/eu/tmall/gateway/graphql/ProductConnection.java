package eu.tmall.gateway.graphql;

import java.util.List;

import eu.tmall.gateway.catalog.Product;
import org.jspecify.annotations.Nullable;

/**
 * A page of search results, as the Relay cursor connection specification shapes it.
 */
record ProductConnection(List<Edge> edges, PageInfo pageInfo, int totalCount) {

	record Edge(String cursor, Product node) {

	}

	record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor,
			@Nullable String endCursor) {

	}

}
