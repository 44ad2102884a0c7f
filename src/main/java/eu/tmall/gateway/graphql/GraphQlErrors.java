package eu.tmall.gateway.graphql;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import eu.tmall.gateway.catalog.MarketplaceFailure;
import eu.tmall.gateway.observability.TraceIds;
import eu.tmall.gateway.upstream.RequestBudgetExceededException;
import eu.tmall.gateway.upstream.RequestDeadlineExceededException;
import eu.tmall.gateway.upstream.RequestLimitException;
import eu.tmall.gateway.upstream.UpstreamException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.micrometer.context.ContextSnapshot;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.ContextPropagationHelper;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Every exception the gateway turns into a GraphQL error, in one place. Upstream failures
 * say which upstream and why in {@code extensions}; a bad argument names the argument and
 * the rule; anything else stays an opaque {@code INTERNAL_ERROR}.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	static final String BAD_USER_INPUT = "BAD_USER_INPUT";

	private static final Logger logger = LoggerFactory.getLogger(GraphQlErrors.class);

	private final TraceIds traceIds;

	GraphQlErrors(TraceIds traceIds) {
		this.traceIds = traceIds;
		// the trace id is read from the request's span, which lives in thread locals
		setThreadLocalContextAware(true);
	}

	@Override
	protected @Nullable GraphQLError resolveToSingleError(Throwable thrown, DataFetchingEnvironment env) {
		Throwable ex = unwrap(thrown);
		if (ex instanceof UpstreamException upstream) {
			logger.warn("{} at {}: {}", upstream.kind(), env.getExecutionStepInfo().getPath(), upstream.getMessage());
			return upstreamError(upstream, env);
		}
		if (ex instanceof ConstraintViolationException violations) {
			return badInput(describe(violations), env);
		}
		if (ex instanceof InvalidArgumentException invalid) {
			return badInput(invalid.getMessage(), env);
		}
		if (ex instanceof RequestBudgetExceededException exceeded) {
			return requestLimitError("REQUEST_BUDGET_EXCEEDED", exceeded, env);
		}
		if (ex instanceof RequestDeadlineExceededException exceeded) {
			return requestLimitError("REQUEST_DEADLINE_EXCEEDED", exceeded, env);
		}
		return null;
	}

	GraphQLError toError(MarketplaceFailure failure, DataFetchingEnvironment env) {
		// called from a controller's Mono, on whichever thread the upstream answered: the
		// request's trace (for the log line and the error) is restored from its context
		try (ContextSnapshot.Scope scope = ContextPropagationHelper.captureFrom(env.getGraphQlContext())
			.setThreadLocals()) {
			return describe(failure, env);
		}
	}

	private GraphQLError describe(MarketplaceFailure failure, DataFetchingEnvironment env) {
		GraphQLError error = resolveToSingleError(failure.cause(), env);
		if (error != null) {
			return error;
		}
		logger.error("{} failed unexpectedly at {}", failure.marketplace(), env.getExecutionStepInfo().getPath(),
				failure.cause());
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("%s offers are missing: the marketplace failed unexpectedly", failure.marketplace())
			.extensions(withTraceId(new LinkedHashMap<>(Map.of("code", "INTERNAL_ERROR"))))
			.build();
	}

	/** A request over one of the gateway's query limits; the message names the limit. */
	static GraphQLError limitExceeded(String code, String message) {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(message)
			.extensions(Map.of("code", code))
			.build();
	}

	static Throwable unwrap(Throwable ex) {
		Throwable current = ex;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	private GraphQLError upstreamError(UpstreamException ex, DataFetchingEnvironment env) {
		String code = "UPSTREAM_" + ex.kind().name();
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code);
		extensions.put("upstream", ex.upstream().id());
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorClassification.errorClassification(code))
			.message(ex.getMessage())
			.extensions(withTraceId(extensions))
			.build();
	}

	/**
	 * The request's own budget or deadline stopped a call: said like an upstream failure,
	 * with the upstream whose data is missing, but not logged (the error metric counts
	 * it).
	 */
	private GraphQLError requestLimitError(String code, RequestLimitException ex, DataFetchingEnvironment env) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code);
		extensions.put("upstream", ex.upstream().id());
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorClassification.errorClassification(code))
			.message(ex.getMessage())
			.extensions(withTraceId(extensions))
			.build();
	}

	/**
	 * The trace id, for a support ticket to quote; only on errors a caller may report,
	 * not on bad input.
	 */
	private Map<String, Object> withTraceId(Map<String, Object> extensions) {
		String traceId = this.traceIds.current();
		if (traceId != null) {
			extensions.put("traceId", traceId);
		}
		return extensions;
	}

	private static GraphQLError badInput(String message, DataFetchingEnvironment env) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.BAD_REQUEST)
			.message(message)
			.extensions(Map.of("code", BAD_USER_INPUT))
			.build();
	}

	private static String describe(ConstraintViolationException ex) {
		return ex.getConstraintViolations()
			.stream()
			.map(GraphQlErrors::describe)
			.sorted()
			.reduce((a, b) -> a + "; " + b)
			.orElse("invalid argument");
	}

	/** Names the argument as the query writes it, e.g. 'filter.maxDeliveryDays'. */
	private static String describe(ConstraintViolation<?> violation) {
		StringJoiner argument = new StringJoiner(".");
		Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
		nodes.next();
		nodes.forEachRemaining(node -> argument.add(node.getName()));
		return "argument '%s' %s (was %s)".formatted(argument, violation.getMessage(), violation.getInvalidValue());
	}

}
