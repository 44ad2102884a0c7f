package eu.tmall.gateway.graphql;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import eu.tmall.gateway.PatientTestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error a caller can get carries an {@code extensions.code} that is an
 * {@link ErrorCode} and the trace id of its request, whoever raised it: the HTTP checks,
 * graphql-java's parser, validator and variable coercion, persisted queries, the query
 * limits and the resolvers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.embedded.latency=0ms", "gateway.limits.max-depth=4" })
@AutoConfigureTracing
class ErrorCodesTests {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	@LocalServerPort
	private int port;

	private WebTestClient http;

	@BeforeEach
	void connect() {
		this.http = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(PatientTestClients.PATIENCE)
			.build();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					a document that does not parse       | { product(   | | GRAPHQL_PARSE_FAILED
					a field the schema does not have     | { nothing }  | | GRAPHQL_VALIDATION_FAILED
					a variable that is never used        | query($gtin: GTIN) { __typename } | | GRAPHQL_VALIDATION_FAILED
					a country outside the EU             | { product(gtin: "8479235294249", shipTo: "NO") { gtin } } | | BAD_USER_INPUT
					a GTIN with a wrong check digit      | { product(gtin: "8479235294248", shipTo: "ES") { gtin } } | | BAD_USER_INPUT
					a variable of the wrong form         | query($gtin: GTIN!) { product(gtin: $gtin, shipTo: "ES") { gtin } } | {"gtin": "123"} | BAD_USER_INPUT
					a required variable left out         | query($gtin: GTIN!) { product(gtin: $gtin, shipTo: "ES") { gtin } } | {} | BAD_USER_INPUT
					a cursor the gateway did not issue   | { search(query: "headphones", shipTo: "ES", after: "bm9wZQ") { totalCount } } | | BAD_USER_INPUT
					a query nested too deep              | { product(gtin: "8479235294249", shipTo: "ES") { offers { delivery { shipsFrom } landedCost { total { amount } } } } } | | QUERY_TOO_DEEP
					""")
	void shouldCodeAndTraceEveryErrorOfAQuery(String what, String query, String variables, String code) {
		String body = this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
			.bodyValue((variables != null)
					? Map.<String, Object>of("query", query, "variables", JsonPath.parse(variables).json())
					: Map.<String, Object>of("query", query))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		List<Map<String, Object>> errors = JsonPath.read(body, "$.errors[*].extensions");
		assertThat(errors).as(body).isNotEmpty().allSatisfy(extensions -> {
			assertThat(extensions).containsEntry("code", code).containsEntry("traceId", TRACE_ID);
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					an unknown persisted query    | {"extensions":{"persistedQuery":{"version":1,"sha256Hash":"%s"}}} | PERSISTED_QUERY_NOT_FOUND
					a document that is not its id | {"query":"{ __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"%s"}}} | PERSISTED_QUERY_ID_INVALID
					a body that is not JSON       | {"query": | BAD_REQUEST
					""")
	void shouldCodeAndTraceEveryErrorOfARequest(String what, String template, String code) {
		String body = this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
			.bodyValue(template.formatted("f".repeat(64)))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		Map<String, Object> extensions = JsonPath.read(body, "$.errors[0].extensions");
		assertThat(extensions).as(body).containsEntry("code", code).containsEntry("traceId", TRACE_ID);
	}

	/**
	 * Sampling decides which spans are recorded, not which errors can be quoted: a
	 * caller's trace flagged unsampled, and a request that brings none (sampled out 9
	 * times in 10 by default), still get a trace id.
	 */
	@ParameterizedTest(name = "traceparent {0}")
	@CsvSource(nullValues = "none", textBlock = """
			00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00, 0af7651916cd43dd8448eb211c80319c
			none,
			""")
	void shouldQuoteTheTraceIdOfARequestWhoseSpansAreNotRecorded(String traceparent, String traceId) {
		WebTestClient.RequestBodySpec request = this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON);
		if (traceparent != null) {
			request.header("traceparent", traceparent);
		}

		String body = request.bodyValue(Map.of("query", "{ nothing }"))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		String quoted = JsonPath.read(body, "$.errors[0].extensions.traceId");
		assertThat(quoted).as(body).matches("[0-9a-f]{32}");
		if (traceId != null) {
			assertThat(quoted).isEqualTo(traceId);
		}
	}

}
