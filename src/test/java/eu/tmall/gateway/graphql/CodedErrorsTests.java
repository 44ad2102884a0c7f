package eu.tmall.gateway.graphql;

import java.util.Map;

import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What code an error gets when whoever raised it gave none, and that a code outside
 * {@link ErrorCode} never reaches a caller.
 */
class CodedErrorsTests {

	@Test
	void shouldKeepTheGatewaysOwnCode() {
		assertThat(
				CodedErrors.codeOf(error(Map.of("code", "UPSTREAM_TIMEOUT"), graphql.ErrorType.DataFetchingException)))
			.isEqualTo(ErrorCode.UPSTREAM_TIMEOUT);
	}

	@Test
	void shouldAnswerACodeThatIsNotAnErrorCodeAsAnInternalError() {
		assertThat(CodedErrors.codeOf(error(Map.of("code", "SOMETHING_ELSE"), ErrorType.BAD_REQUEST)))
			.isEqualTo(ErrorCode.INTERNAL_ERROR);
	}

	@Test
	void shouldCodeGraphQlJavasClassifications() {
		assertThat(CodedErrors.codeOf(error(Map.of(), graphql.ErrorType.InvalidSyntax)))
			.isEqualTo(ErrorCode.GRAPHQL_PARSE_FAILED);
		assertThat(CodedErrors.codeOf(error(Map.of(), graphql.ErrorType.OperationNotSupported)))
			.isEqualTo(ErrorCode.GRAPHQL_VALIDATION_FAILED);
		assertThat(CodedErrors.codeOf(error(Map.of(), new PersistedQueryNotFound("abc"))))
			.isEqualTo(ErrorCode.PERSISTED_QUERY_NOT_FOUND);
		assertThat(CodedErrors.codeOf(error(Map.of(), ErrorType.BAD_REQUEST))).isEqualTo(ErrorCode.BAD_USER_INPUT);
		assertThat(CodedErrors.codeOf(error(Map.of(), graphql.ErrorType.NullValueInNonNullableField)))
			.isEqualTo(ErrorCode.INTERNAL_ERROR);
	}

	private static graphql.GraphQLError error(Map<String, Object> extensions, graphql.ErrorClassification type) {
		return GraphqlErrorBuilder.newError().message("failed").errorType(type).extensions(extensions).build();
	}

}
