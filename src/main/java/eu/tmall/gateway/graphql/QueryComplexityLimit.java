package eu.tmall.gateway.graphql;

import java.util.List;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;

/**
 * Refuses a query that would cost more than {@code gateway.limits.max-complexity}, as
 * {@link QueryCost} counts.
 */
class QueryComplexityLimit extends MaxQueryComplexityInstrumentation {

	QueryComplexityLimit(int maxComplexity) {
		super(maxComplexity, new QueryCost());
	}

	@Override
	protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
		return new AbortExecutionException(List.of(GraphQlErrors.limitExceeded("QUERY_TOO_COMPLEX",
				"the query costs %d, more than gateway.limits.max-complexity (%d)".formatted(complexity,
						maxComplexity))));
	}

}
