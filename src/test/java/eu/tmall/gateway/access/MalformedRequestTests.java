package eu.tmall.gateway.access;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import eu.tmall.gateway.NoBufferLeaks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A malformed request gets a 4xx whose one GraphQL error says what is wrong, and the
 * gateway goes on answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureWebTestClient
@ExtendWith(NoBufferLeaks.class)
class MalformedRequestTests {

	@Autowired
	private WebTestClient http;

	@LocalManagementPort
	private int managementPort;

	@AfterEach
	void shouldStayHealthy() {
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.managementPort)
			.build()
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Void.class);
		post(MediaType.APPLICATION_JSON, "{\"query\":\"{ __typename }\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.__typename")
			.isEqualTo("Query");
	}

	@Test
	void shouldRefuseInvalidJson() {
		refused(post(MediaType.APPLICATION_JSON, "{ \"query\": \"{ __typename }"), HttpStatus.BAD_REQUEST,
				"BAD_REQUEST", "the request body is not valid JSON");
	}

	@Test
	void shouldRefuseABodyThatIsNotAnObject() {
		refused(post(MediaType.APPLICATION_JSON, "[\"{ __typename }\"]"), HttpStatus.BAD_REQUEST, "BAD_REQUEST",
				"the request body must be a JSON object");
	}

	@Test
	void shouldRefuseAQueryThatIsNotAString() {
		refused(post(MediaType.APPLICATION_JSON, "{\"query\": 42}"), HttpStatus.BAD_REQUEST, "BAD_REQUEST",
				"'query' must be a string, not a number");
	}

	@Test
	void shouldRefuseARequestWithoutAQuery() {
		refused(post(MediaType.APPLICATION_JSON, "{\"qeury\": \"{ __typename }\"}"), HttpStatus.BAD_REQUEST,
				"BAD_REQUEST", "the request has no 'query' (nor an extensions.persistedQuery.sha256Hash)");
	}

	@Test
	void shouldRefuseVariablesThatAreNotAnObject() {
		refused(post(MediaType.APPLICATION_JSON, "{\"query\": \"{ __typename }\", \"variables\": \"{}\"}"),
				HttpStatus.BAD_REQUEST, "BAD_REQUEST", "'variables' must be a JSON object, not a string");
	}

	@Test
	void shouldRefuseAnUnknownContentType() {
		refused(post(MediaType.TEXT_PLAIN, "{ __typename }"), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"UNSUPPORTED_MEDIA_TYPE", "Content-Type 'text/plain' is not supported");
	}

	@Test
	void shouldRefuseABodyInACharsetOtherThanUtf8() {
		MediaType latin1 = MediaType.parseMediaType("application/json;charset=ISO-8859-1");

		refused(post(latin1, "{\"query\":\"{ __typename }\",\"variables\":{\"city\":\"Málaga\"}}"),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
				"charset 'ISO-8859-1' is not supported: send application/json in UTF-8");
		refused(post(MediaType.parseMediaType("application/json;charset=UTF-16"), "{\"query\":\"{ __typename }\"}"),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "charset 'UTF-16' is not supported");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"",
			"application/json;charset=us-ascii" })
	void shouldTakeABodyInUtf8(String contentType) {
		post(MediaType.parseMediaType(contentType), "{\"query\":\"{ __typename }\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.__typename")
			.isEqualTo("Query");
	}

	@Test
	void shouldTakeABodyOfMaxRequestSize() {
		post(MediaType.APPLICATION_JSON, paddedBody(100 * 1024)).expectStatus().isOk().expectBody(Void.class);
	}

	@Test
	void shouldRefuseABodyOneBytePastMaxRequestSize() {
		refused(post(MediaType.APPLICATION_JSON, paddedBody(100 * 1024 + 1)), HttpStatus.CONTENT_TOO_LARGE,
				"QUERY_TOO_LARGE", "the request body is larger than gateway.limits.max-request-size (102400 bytes)");
	}

	@Test
	void shouldRefuseATwoMegabyteQuery() {
		String query = "{ __typename }" + " ".repeat(2 * 1024 * 1024);
		refused(post(MediaType.APPLICATION_JSON, Map.of("query", query)), HttpStatus.CONTENT_TOO_LARGE,
				"QUERY_TOO_LARGE", "the request body is larger than gateway.limits.max-request-size (102400 bytes)");
	}

	@Test
	void shouldRefuseTenThousandNestedSelections() {
		String query = "{ " + "product { ".repeat(10_000) + "title" + " }".repeat(10_001);
		refused(post(MediaType.APPLICATION_JSON, Map.of("query", query)), HttpStatus.CONTENT_TOO_LARGE,
				"QUERY_TOO_LARGE", "the request body is larger than gateway.limits.max-request-size (102400 bytes)");
	}

	@Test
	void shouldRefuseTenThousandTerseNestedSelections() {
		String query = "{" + "a{".repeat(9_999) + "a" + "}".repeat(10_000);
		refused(post(MediaType.APPLICATION_JSON, Map.of("query", query)), HttpStatus.BAD_REQUEST, "QUERY_TOO_LARGE",
				"the query has 30000 characters, more than gateway.limits.max-characters (20000)");
	}

	@Test
	void shouldRefuseDeepNestingWithinTheCharacterLimitAtTheParsersRuleDepth() {
		String query = "{" + "a{".repeat(3_000) + "a" + "}".repeat(3_001);
		refused(post(MediaType.APPLICATION_JSON, Map.of("query", query)), HttpStatus.BAD_REQUEST, "QUERY_TOO_LARGE",
				"the query is larger than gateway.limits.max-rule-depth (500)");
	}

	@Test
	void shouldRefuseFiveThousandAliases() {
		String query = IntStream.range(0, 5_000)
			.mapToObj(i -> "a" + i + ": __typename")
			.collect(Collectors.joining(" ", "{ ", " }"));
		refused(post(MediaType.APPLICATION_JSON, Map.of("query", query)), HttpStatus.BAD_REQUEST, "QUERY_TOO_LARGE",
				"characters, more than gateway.limits.max-characters (20000)");
	}

	@Test
	void shouldRefuseManyAliasesWithinTheCharacterAndTokenLimits() {
		String query = IntStream.range(0, 31)
			.mapToObj(i -> "a" + i + ":__typename")
			.collect(Collectors.joining(" ", "{", "}"));
		refused(post(MediaType.APPLICATION_JSON, Map.of("query", query)), HttpStatus.BAD_REQUEST, "TOO_MANY_ALIASES",
				"the query has 31 aliases, more than gateway.limits.max-aliases (30)");
	}

	/** A query with a variable it does not use, padded to the given size in bytes. */
	private static String paddedBody(int bytes) {
		String start = "{\"query\":\"{ __typename }\",\"variables\":{\"padding\":\"";
		String end = "\"}}";
		return start + "x".repeat(bytes - start.length() - end.length()) + end;
	}

	private WebTestClient.ResponseSpec post(MediaType contentType, Object body) {
		return this.http.post()
			.uri("/graphql")
			.contentType(contentType)
			.accept(MediaType.APPLICATION_GRAPHQL_RESPONSE)
			.bodyValue(body)
			.exchange();
	}

	private static void refused(WebTestClient.ResponseSpec response, HttpStatus status, String code, String message) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_GRAPHQL_RESPONSE)
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors.length()")
			.isEqualTo(1)
			.jsonPath("$.errors[0].message")
			.value(String.class, actual -> assertThat(actual).contains(message))
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo(code);
	}

}
