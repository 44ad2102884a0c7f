package eu.tmall.gateway.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
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
 * The HTTP handler runs what the access filter read and checked, and nothing else: a
 * request that comes without it is refused, not read from its body.
 */
class IncrementalGraphQlHttpHandlerTests {

	private final List<WebGraphQlRequest> executed = new ArrayList<>();

	private final IncrementalGraphQlHttpHandler handler = new IncrementalGraphQlHttpHandler(recording(),
			JsonMapper.builder().build());

	@Test
	void runsTheAdmittedRequestWithoutReadingTheBody() {
		MockServerRequest request = request();
		request.attributes()
			.put(AdmittedRequest.ATTRIBUTE,
					new DefaultGraphQlRequest("query Product($gtin: ID!) { product(gtin: $gtin) { gtin } }", "Product",
							Map.of("gtin", "8479235294249"), Map.of()));

		ServerResponse response = this.handler.handleRequest(request).block();

		assertThat(response.statusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.executed).singleElement().satisfies(executed -> {
			assertThat(executed.getDocument()).startsWith("query Product");
			assertThat(executed.getOperationName()).isEqualTo("Product");
			assertThat(executed.getVariables()).containsExactlyEntriesOf(Map.of("gtin", "8479235294249"));
			assertThat(executed.getAttributes()).doesNotContainKey(AdmittedRequest.ATTRIBUTE);
		});
	}

	@Test
	void refusesARequestTheFilterDidNotAdmit() {
		assertThatIllegalStateException().isThrownBy(() -> this.handler.handleRequest(request()).block())
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
