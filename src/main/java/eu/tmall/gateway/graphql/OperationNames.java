package eu.tmall.gateway.graphql;

import java.util.Set;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The operation name of each request as metrics and logs may use it: from the document
 * (callers rarely send {@code operationName} with a single operation), kept only when it
 * is in the configured list, since callers choose names; any other is {@value #OTHER},
 * none {@value #ANONYMOUS}.
 */
class OperationNames extends SimplePerformantInstrumentation {

	static final String OTHER = "other";

	static final String ANONYMOUS = "anonymous";

	private static final String KEY = OperationNames.class.getName();

	private final Set<String> known;

	OperationNames(Set<String> known) {
		this.known = known;
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
		String name = (operation != null) ? operation.getName() : null;
		parameters.getExecutionContext().getGraphQLContext().put(KEY, bounded(name));
		return SimpleInstrumentationContext.noOp();
	}

	/** The request's bounded name; {@value #ANONYMOUS} for one that never executed. */
	static String of(GraphQLContext context) {
		return context.getOrDefault(KEY, ANONYMOUS);
	}

	private String bounded(@Nullable String name) {
		if (name == null || name.isEmpty()) {
			return ANONYMOUS;
		}
		return this.known.contains(name) ? name : OTHER;
	}

}
