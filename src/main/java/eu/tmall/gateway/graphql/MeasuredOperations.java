package eu.tmall.gateway.graphql;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.ExecutionContext;
import graphql.language.Document;
import org.jspecify.annotations.Nullable;

/**
 * The operations a query limit has already measured and let through. Clients send the
 * same few documents over and over, and {@link PreparsedDocuments} hands back the same
 * parsed {@link Document} for each: a limit need not walk it again. The two walks (depth
 * and cost) took 8% of a cached {@code product} request.
 * <p>
 * An operation is its document (by identity), its name and the shape of its variables:
 * their numbers, booleans and list sizes, and of a string what the limit reads of it,
 * which is all a limit can see of them ({@code @skip}/{@code @include}, {@code first},
 * the number of GTINs, a cursor's depth; see {@link QueryCost}). Other strings and
 * scalars such as a GTIN are left out, so a product page asking for one GTIN after
 * another is measured once. An operation over a limit is measured, and refused, every
 * time. The cache holds at most as many documents as {@link PreparsedDocuments} does.
 */
final class MeasuredOperations {

	/** What every string or other opaque scalar looks like in a shape. */
	private static final String OPAQUE = "";

	private final Cache<Operation, Boolean> passed;

	private final Function<String, Object> strings;

	/** Operations of a limit that reads nothing of a string. */
	MeasuredOperations(long maxSize) {
		this(maxSize, string -> OPAQUE);
	}

	/**
	 * Operations of a limit that reads of a string what {@code strings} answers: the
	 * shape keeps that, and only that.
	 */
	MeasuredOperations(long maxSize, Function<String, Object> strings) {
		this.passed = Caffeine.newBuilder().maximumSize(maxSize).build();
		this.strings = strings;
	}

	<T> @Nullable T measureOnce(ExecutionContext context, Supplier<T> measure) {
		return measureOnce(context.getDocument(), context.getExecutionInput().getOperationName(),
				context.getCoercedVariables().toMap(), measure);
	}

	/**
	 * What {@code measure} answers (it throws to refuse), or {@code null} without running
	 * it when this operation passed it before.
	 */
	<T> @Nullable T measureOnce(Document document, @Nullable String name, Map<String, Object> variables,
			Supplier<T> measure) {
		Operation operation = new Operation(document, name, shape(variables));
		if (this.passed.getIfPresent(operation) != null) {
			return null;
		}
		T measured = measure.get();
		this.passed.put(operation, Boolean.TRUE);
		return measured;
	}

	private @Nullable Object shape(@Nullable Object value) {
		if (value == null || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof String string) {
			return this.strings.apply(string);
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(this::shape).toList();
		}
		if (value instanceof Map<?, ?> fields) {
			Map<Object, @Nullable Object> shape = new LinkedHashMap<>();
			fields.forEach((field, fieldValue) -> shape.put(field, shape(fieldValue)));
			return shape;
		}
		return OPAQUE;
	}

	/** A document by identity (it has no equals), with its name and variables' shape. */
	private record Operation(Document document, @Nullable String name, @Nullable Object variables) {
	}

}
