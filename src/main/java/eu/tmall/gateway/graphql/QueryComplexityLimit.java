package eu.tmall.gateway.graphql;

import java.util.List;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a query that would cost more than {@code gateway.limits.max-complexity}, as
 * {@link QueryCost} counts, measuring each operation once ({@link MeasuredOperations}).
 */
class QueryComplexityLimit extends MaxQueryComplexityInstrumentation {

	private final MeasuredOperations measured;

	QueryComplexityLimit(int maxComplexity, QueryCost cost, MeasuredOperations measured) {
		super(maxComplexity, cost);
		this.measured = measured;
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		return this.measured.measureOnce(parameters.getExecutionContext(),
				() -> super.beginExecuteOperation(parameters, state));
	}

	@Override
	protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
		return new AbortExecutionException(List.of(GraphQlErrors.limitExceeded(ErrorCode.QUERY_TOO_COMPLEX,
				"the query costs %d, more than gateway.limits.max-complexity (%d)".formatted(complexity,
						maxComplexity))));
	}

}
