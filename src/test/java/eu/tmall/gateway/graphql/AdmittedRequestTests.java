package eu.tmall.gateway.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import graphql.ExecutionResult;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.webflux.AbstractGraphQlHttpHandler;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Both of spring-graphql's handlers, the JSON one and the server-sent events one, run
 * what the access filter read and checked, and nothing else: a request that comes without
 * it is refused, not read from its body.
 */
class AdmittedRequestTests {

	private final List<WebGraphQlRequest> executed = new ArrayList<>();

	static List<Named<Function<WebGraphQlHandler, AbstractGraphQlHttpHandler>>> handlers() {
		return List.of(
				Named.of("HTTP", graphQl -> new IncrementalGraphQlHttpHandler(graphQl, JsonMapper.builder().build())),
				Named.of("SSE", graphQl -> new AdmittedSseHandler(graphQl, null, null)));
	}

	@ParameterizedTest
	@MethodSource("handlers")
	void runsTheAdmittedRequestWithoutReadingTheBody(Function<WebGraphQlHandler, AbstractGraphQlHttpHandler> handler) {
		MockServerRequest request = request();
		request.attributes()
			.put(AdmittedRequest.ATTRIBUTE,
					new DefaultGraphQlRequest("query Product($gtin: ID!) { product(gtin: $gtin) { gtin } }", "Product",
							Map.of("gtin", "8479235294249"), Map.of()));

		ServerResponse response = handler.apply(recording()).handleRequest(request).block();

		assertThat(response.statusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.executed).singleElement().satisfies(executed -> {
			assertThat(executed.getDocument()).startsWith("query Product");
			assertThat(executed.getOperationName()).isEqualTo("Product");
			assertThat(executed.getVariables()).containsExactlyEntriesOf(Map.of("gtin", "8479235294249"));
			assertThat(executed.getAttributes()).doesNotContainKey(AdmittedRequest.ATTRIBUTE);
		});
	}

	@ParameterizedTest
	@MethodSource("handlers")
	void refusesARequestTheFilterDidNotAdmit(Function<WebGraphQlHandler, AbstractGraphQlHttpHandler> handler) {
		assertThatIllegalStateException().isThrownBy(() -> handler.apply(recording()).handleRequest(request()).block())
			.withMessageContaining("unchecked");
		assertThat(this.executed).isEmpty();
	}

	/** A POST whose body, were it read, would be another query. */
	private static MockServerRequest request() {
		MockServerHttpRequest http = MockServerHttpRequest.post("/graphql").body("{\"query\":\"{ __typename }\"}");
		return MockServerRequest.builder()
			.exchange(MockServerWebExchange.from(http))
			.uri(http.getURI())
			.body(Mono.error(new AssertionError("the body was read again")));
	}

	/** Records what it is asked to run, and answers it with empty data. */
	private WebGraphQlHandler recording() {
		return WebGraphQlHandler.builder(request -> {
			this.executed.add((WebGraphQlRequest) request);
			ExecutionResult result = ExecutionResult.newExecutionResult().data(Map.of()).build();
			return Mono.just(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
		}).build();
	}

}
