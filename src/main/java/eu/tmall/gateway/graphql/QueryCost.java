package eu.tmall.gateway.graphql;

import java.util.Collection;

import eu.tmall.gateway.catalog.FederatedSearch;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * What a field costs: one, plus what it selects, times the number of elements it asks for
 * (a connection's {@code first}, the number of GTINs of {@code products}, or of
 * representations of {@code _entities}), plus the upstream calls it makes, each weighing
 * {@code gateway.limits.upstream-call-cost}:
 * <ul>
 * <li>{@code Query.search} reads up to
 * {@link FederatedSearch#pagesPerMarketplace(int, int)} pages of every marketplace, more
 * the deeper its cursor;</li>
 * <li>{@code Offer.shippingOptions} asks AliExpress once per offer (its freight call
 * takes one product).</li>
 * </ul>
 * Lookups by GTIN or id add no calls of their own: a request's DataLoaders batch them
 * across fields, and their elements are counted already.
 * <p>
 * A cost may depend on numbers, booleans, list sizes and what {@link #shapeOf(String)}
 * reads of a string only: {@link MeasuredOperations} keeps no more of the variables.
 */
class QueryCost implements FieldComplexityCalculator {

	private final int marketplaces;

	private final int callCost;

	private final int maxSearchDepth;

	/**
	 * @param marketplaces how many marketplaces a search reads
	 * @param callCost what one upstream call adds
	 * @param maxSearchDepth the deepest cursor a search serves; a deeper one is refused
	 * before any call, so it costs as a search without a cursor
	 */
	QueryCost(int marketplaces, int callCost, int maxSearchDepth) {
		this.marketplaces = marketplaces;
		this.callCost = callCost;
		this.maxSearchDepth = maxSearchDepth;
	}

	@Override
	public int calculate(FieldComplexityEnvironment env, int childComplexity) {
		long cost = (long) elements(env) * (1 + childComplexity) + upstreamCalls(env) * this.callCost;
		return (int) Math.min(Integer.MAX_VALUE, cost);
	}

	/**
	 * All the cost reads of a string: how many upstream pages deep a search cursor lies
	 * (0 for any other string), so that operations whose cursors differ only within a
	 * page share their verdict.
	 */
	Object shapeOf(String value) {
		return pagesBefore(value);
	}

	private long upstreamCalls(FieldComplexityEnvironment env) {
		String field = env.getParentType().getName() + "." + env.getFieldDefinition().getName();
		if (field.equals("Query.search")) {
			// the deepest offset within the cursor's page: the cost is the same for every
			// cursor of one page, as the verdict that MeasuredOperations shares is
			int offset = pagesBefore(env.getArguments().get("after")) * FederatedSearch.UPSTREAM_PAGE;
			return (long) FederatedSearch.pagesPerMarketplace(offset, elements(env)) * this.marketplaces;
		}
		return field.equals("Offer.shippingOptions") ? 1 : 0;
	}

	private int pagesBefore(@Nullable Object after) {
		int offset = Cursor.servedOffset(after, this.maxSearchDepth);
		return (offset + FederatedSearch.UPSTREAM_PAGE - 1) / FederatedSearch.UPSTREAM_PAGE;
	}

	private static int elements(FieldComplexityEnvironment env) {
		Object first = env.getArguments().get("first");
		if (first instanceof Integer count) {
			return Math.max(1, count);
		}
		Object keys = env.getArguments().get("gtins");
		if (keys == null) {
			keys = env.getArguments().get("representations");
		}
		return (keys instanceof Collection<?> list) ? Math.max(1, list.size()) : 1;
	}

}
