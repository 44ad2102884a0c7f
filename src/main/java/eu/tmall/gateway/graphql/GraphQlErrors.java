package eu.tmall.gateway.graphql;

import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import eu.tmall.gateway.catalog.MarketplaceFailure;
import eu.tmall.gateway.upstream.RequestBudgetExceededException;
import eu.tmall.gateway.upstream.RequestDeadlineExceededException;
import eu.tmall.gateway.upstream.RequestLimitException;
import eu.tmall.gateway.upstream.UpstreamException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import io.micrometer.context.ContextSnapshot;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import org.springframework.graphql.data.federation.RepresentationException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ContextPropagationHelper;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Every exception the gateway turns into a GraphQL error, in one place. Upstream failures
 * say which upstream and why in {@code extensions}; a bad argument names the argument and
 * the rule; anything else stays an opaque {@code INTERNAL_ERROR}.
 */
@ControllerAdvice
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	private static final Logger logger = LoggerFactory.getLogger(GraphQlErrors.class);

	private static final String FAILURE_LOGGED = GraphQlErrors.class.getName() + ".failureLogged";

	GraphQlErrors() {
		// the log lines carry the request's trace, which lives in thread locals
		setThreadLocalContextAware(true);
	}

	@Override
	protected @Nullable GraphQLError resolveToSingleError(Throwable thrown, DataFetchingEnvironment env) {
		Throwable ex = unwrap(thrown);
		if (ex instanceof UpstreamException upstream) {
			logFailure(upstream, env);
			return upstreamError(upstream, env);
		}
		if (ex instanceof AbortExecutionException aborted) {
			// what graphql-java answers for the fields still running when spring-graphql
			// cancels the execution of a client that went away: routine, not a bug
			logger.debug("{} at {}", aborted.getMessage(), env.getExecutionStepInfo().getPath());
			return aborted;
		}
		if (ex instanceof ConstraintViolationException violations) {
			return badInput(describe(violations), env);
		}
		if (ex instanceof InvalidArgumentException invalid) {
			return badInput(invalid.getMessage(), env);
		}
		if (ex instanceof RequestBudgetExceededException exceeded) {
			return requestLimitError(ErrorCode.REQUEST_BUDGET_EXCEEDED, exceeded, env);
		}
		if (ex instanceof RequestDeadlineExceededException exceeded) {
			return requestLimitError(ErrorCode.REQUEST_DEADLINE_EXCEEDED, exceeded, env);
		}
		return null;
	}

	/**
	 * One WARN line per request, for its first upstream failure, the others at DEBUG: a
	 * request whose every field fails still adds one line.
	 */
	private static void logFailure(UpstreamException upstream, DataFetchingEnvironment env) {
		AtomicBoolean logged = env.getGraphQlContext().computeIfAbsent(FAILURE_LOGGED, key -> new AtomicBoolean());
		Level level = logged.compareAndSet(false, true) ? Level.WARN : Level.DEBUG;
		logger.atLevel(level)
			.log("{} at {}: {}", upstream.kind(), env.getExecutionStepInfo().getPath(), upstream.getMessage());
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
			.extensions(Map.of("code", ErrorCode.INTERNAL_ERROR.name()))
			.build();
	}

	/** A request over one of the gateway's query limits; the message names the limit. */
	static GraphQLError limitExceeded(ErrorCode code, String message) {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(message)
			.extensions(Map.of("code", code.name()))
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
		String code = ErrorCode.of(ex.kind()).name();
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorClassification.errorClassification(code))
			.message(ex.getMessage())
			.extensions(Map.of("code", code, "upstream", ex.upstream().id()))
			.build();
	}

	/**
	 * The request's own budget or deadline stopped a call: said like an upstream failure,
	 * with the upstream whose data is missing, but not logged (the error metric counts
	 * it).
	 */
	private static GraphQLError requestLimitError(ErrorCode code, RequestLimitException ex,
			DataFetchingEnvironment env) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorClassification.errorClassification(code.name()))
			.message(ex.getMessage())
			.extensions(Map.of("code", code.name(), "upstream", ex.upstream().id()))
			.build();
	}

	/**
	 * A representation of {@code _entities} whose key is not one this subgraph issues, at
	 * the path of the entity it stands for.
	 */
	static GraphQLError badRepresentation(int index, String typeName, String problem, DataFetchingEnvironment env) {
		return GraphqlErrorBuilder.newError()
			.path(env.getExecutionStepInfo().getPath().segment(index))
			.location(env.getField().getSourceLocation())
			.errorType(ErrorType.BAD_REQUEST)
			.message("representations[%d], a %s: %s".formatted(index, typeName, problem))
			.extensions(Map.of("code", ErrorCode.BAD_USER_INPUT.name()))
			.build();
	}

	/**
	 * A representation spring-graphql finds no {@code @EntityMapping} for: the router's
	 * mistake, or a supergraph that thinks this subgraph resolves more than it does.
	 * spring-graphql's {@code _entities} fetcher asks the {@code @ControllerAdvice}
	 * handlers only, not the resolver this class is otherwise.
	 */
	@GraphQlExceptionHandler
	GraphQLError unresolvableRepresentation(RepresentationException ex, DataFetchingEnvironment env) {
		return badInput(unresolvable(ex, env), env);
	}

	private static String unresolvable(RepresentationException ex, DataFetchingEnvironment env) {
		int index = env.getExecutionStepInfo().getPath().getSegmentIndex();
		Object typeName = (ex.getRepresentation() != null) ? ex.getRepresentation().get("__typename") : null;
		if (typeName == null) {
			return "representations[%d] has no __typename".formatted(index);
		}
		return "representations[%d] is a %s, which this subgraph does not resolve: it resolves a Product by its gtin and an Offer by its id"
			.formatted(index, typeName);
	}

	private static GraphQLError badInput(String message, DataFetchingEnvironment env) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.BAD_REQUEST)
			.message(message)
			.extensions(Map.of("code", ErrorCode.BAD_USER_INPUT.name()))
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
