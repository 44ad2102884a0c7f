package eu.tmall.gateway.graphql;

import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.language.Document;
import org.jspecify.annotations.Nullable;

/**
 * The operations a query limit has already measured and let through. Clients send the
 * same few documents with the same variables over and over, and
 * {@link PreparsedDocuments} hands back the same parsed {@link Document} for each: a
 * limit need not walk it again. The two walks (depth and cost) took 8% of a cached
 * {@code product} request. An operation over a limit is measured, and refused, every
 * time.
 */
final class MeasuredOperations {

	private final Cache<Operation, Boolean> passed;

	MeasuredOperations(long maxSize) {
		this.passed = Caffeine.newBuilder().maximumSize(maxSize).build();
	}

	/**
	 * Runs {@code measure} (which throws to refuse) unless this operation passed it
	 * before.
	 */
	@Nullable InstrumentationContext<ExecutionResult> measureOnce(ExecutionContext context,
			Supplier<@Nullable InstrumentationContext<ExecutionResult>> measure) {
		Operation operation = new Operation(context.getDocument(), context.getExecutionInput().getOperationName(),
				context.getCoercedVariables().toMap());
		if (this.passed.getIfPresent(operation) != null) {
			return SimpleInstrumentationContext.noOp();
		}
		InstrumentationContext<ExecutionResult> measured = measure.get();
		this.passed.put(operation, Boolean.TRUE);
		return measured;
	}

	/** A document by identity (it has no equals), with what selects and sizes it. */
	private record Operation(Document document, @Nullable String name, Map<String, Object> variables) {
	}

}
