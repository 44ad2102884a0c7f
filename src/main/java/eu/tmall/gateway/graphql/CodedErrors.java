package eu.tmall.gateway.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.tmall.gateway.observability.TraceIds;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.persisted.PersistedQueryIdInvalid;
import graphql.introspection.GoodFaithIntrospection;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives every error of an answer an {@link ErrorCode} in {@code extensions.code} and the
 * request's trace id in {@code extensions.traceId}, whoever raised it: the gateway's own
 * errors keep their code; graphql-java's parse, validation, coercion and persisted-query
 * errors get one from their classification. It runs inside {@link RequestObservations},
 * so errors are counted by these codes.
 */
@Component
@Order(CodedErrors.ORDER)
class CodedErrors implements WebGraphQlInterceptor {

	static final int ORDER = RequestObservations.ORDER + 1;

	private static final Logger logger = LoggerFactory.getLogger(CodedErrors.class);

	private final TraceIds traceIds;

	CodedErrors(TraceIds traceIds) {
		this.traceIds = traceIds;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		// only an answer with errors needs the request's trace, which `handle` puts on
		// the thread (context propagation is limited); restoring it costs every answer
		return chain.next(request)
			.flatMap(response -> response.getExecutionResult().getErrors().isEmpty() ? Mono.just(response)
					: Mono.just(response).handle((answer, sink) -> sink.next(coded(answer))));
	}

	private WebGraphQlResponse coded(WebGraphQlResponse response) {
		List<GraphQLError> errors = response.getExecutionResult().getErrors();
		String traceId = this.traceIds.current();
		List<GraphQLError> coded = errors.stream().map(error -> coded(error, traceId)).toList();
		return response.transform(builder -> builder.errors(coded));
	}

	static GraphQLError coded(GraphQLError error, @Nullable String traceId) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		extensions.put("code", codeOf(error).name());
		if (traceId != null) {
			extensions.put("traceId", traceId);
		}
		return GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(error.getErrorType())
			.extensions(extensions)
			.build();
	}

	static ErrorCode codeOf(GraphQLError error) {
		Object code = (error.getExtensions() != null) ? error.getExtensions().get("code") : null;
		if (code != null) {
			return known(code.toString());
		}
		if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
			return ErrorCode.QUERY_TOO_COMPLEX;
		}
		ErrorClassification type = error.getErrorType();
		if (type == graphql.ErrorType.InvalidSyntax) {
			return ErrorCode.GRAPHQL_PARSE_FAILED;
		}
		if (type == graphql.ErrorType.ValidationError || type == graphql.ErrorType.OperationNotSupported) {
			return validation(error);
		}
		if (type instanceof PersistedQueryNotFound) {
			return ErrorCode.PERSISTED_QUERY_NOT_FOUND;
		}
		if (type instanceof PersistedQueryIdInvalid) {
			return ErrorCode.PERSISTED_QUERY_ID_INVALID;
		}
		if (type == org.springframework.graphql.execution.ErrorType.BAD_REQUEST) {
			return ErrorCode.BAD_USER_INPUT;
		}
		return ErrorCode.INTERNAL_ERROR;
	}

	/**
	 * An argument or variable whose value a scalar or input type refused is the caller's
	 * input; any other rule broken is the document's.
	 */
	private static ErrorCode validation(GraphQLError error) {
		if (error instanceof ValidationError validation
				&& validation.getValidationErrorType() != ValidationErrorType.WrongType) {
			return ErrorCode.GRAPHQL_VALIDATION_FAILED;
		}
		return (error.getErrorType() == graphql.ErrorType.OperationNotSupported) ? ErrorCode.GRAPHQL_VALIDATION_FAILED
				: ErrorCode.BAD_USER_INPUT;
	}

	private static ErrorCode known(String code) {
		try {
			return ErrorCode.valueOf(code);
		}
		catch (IllegalArgumentException ex) {
			logger.error("Error code {} is not an ErrorCode: answered as INTERNAL_ERROR", code);
			return ErrorCode.INTERNAL_ERROR;
		}
	}

}
