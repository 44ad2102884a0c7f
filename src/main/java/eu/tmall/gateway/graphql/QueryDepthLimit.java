package eu.tmall.gateway.graphql;

import java.util.List;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;

/**
 * Refuses a query nested deeper than {@code gateway.limits.max-depth}.
 */
class QueryDepthLimit extends MaxQueryDepthInstrumentation {

	QueryDepthLimit(int maxDepth) {
		super(maxDepth);
	}

	@Override
	protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
		return new AbortExecutionException(List.of(GraphQlErrors.limitExceeded("QUERY_TOO_DEEP",
				"the query is %d fields deep, more than gateway.limits.max-depth (%d)".formatted(depth, maxDepth))));
	}

}
