package eu.tmall.gateway.graphql;

import java.util.List;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a query nested deeper than {@code gateway.limits.max-depth}, measuring each
 * operation once ({@link MeasuredOperations}).
 */
class QueryDepthLimit extends MaxQueryDepthInstrumentation {

	private final MeasuredOperations measured;

	QueryDepthLimit(int maxDepth, MeasuredOperations measured) {
		super(maxDepth);
		this.measured = measured;
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		return this.measured.measureOnce(parameters.getExecutionContext(),
				() -> super.beginExecuteOperation(parameters, state));
	}

	@Override
	protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
		return new AbortExecutionException(List.of(GraphQlErrors.limitExceeded(ErrorCode.QUERY_TOO_DEEP,
				"the query is %d fields deep, more than gateway.limits.max-depth (%d)".formatted(depth, maxDepth))));
	}

}
