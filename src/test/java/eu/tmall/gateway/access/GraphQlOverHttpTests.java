package eu.tmall.gateway.access;

import java.util.Map;

import eu.tmall.gateway.NoBufferLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphQL-over-HTTP specification: POST, GET for queries, both media types, and the
 * status codes each calls for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureWebTestClient
@ExtendWith(NoBufferLeaks.class)
class GraphQlOverHttpTests {

	@Autowired
	private WebTestClient http;

	@Test
	void shouldAnswerAGetQuery() {
		get("{ __typename }", null, MediaType.APPLICATION_JSON).expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.data.__typename")
			.isEqualTo("Query");
	}

	@Test
	void shouldAnswerAGetQueryWithVariablesInTheMediaTypeAskedFor() {
		get("query($gtin: GTIN!) { product(gtin: $gtin, shipTo: \"ES\") { gtin } }", "{\"gtin\":\"4006381333931\"}",
				MediaType.APPLICATION_GRAPHQL_RESPONSE)
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_GRAPHQL_RESPONSE)
			.expectBody(Void.class);
	}

	/**
	 * The server-sent events route runs the request the access filter checked, as the
	 * JSON route does; the schema has no subscription, so it answers that it serves
	 * subscriptions only, once the checked query has run.
	 */
	@Test
	void shouldRunTheCheckedRequestOnTheServerSentEventsRoute() {
		String body = this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(Map.of("query", "{ __typename }"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(body).contains("event:next", "supports only subscriptions").doesNotContain("unchecked");
	}

	@Test
	void shouldRefuseAMutationSentWithGet() {
		get("mutation { __typename }", null, MediaType.APPLICATION_GRAPHQL_RESPONSE).expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST")
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("GET runs queries only: send mutations and subscriptions with POST");
	}

	@Test
	void shouldRefuseGetVariablesThatAreNotJson() {
		get("{ __typename }", "{gtin", MediaType.APPLICATION_JSON).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value(String.class, message -> message.startsWith("'variables' must be a JSON object"));
	}

	@Test
	void shouldAnswerABrowserOpeningTheEndpointWithMethodNotAllowed() {
		this.http.get()
			.uri("/graphql")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectBody(Void.class);
	}

	@Test
	void shouldAnswerADocumentThatDoesNotParseWith400ForGraphQlResponseJson() {
		post("{ __typename", MediaType.APPLICATION_GRAPHQL_RESPONSE).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist();
	}

	@Test
	void shouldAnswerADocumentThatDoesNotParseWith200ForJson() {
		// the specification keeps application/json at 200, for clients written before it
		post("{ __typename", MediaType.APPLICATION_JSON).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("InvalidSyntax");
	}

	@Test
	void shouldAnswerAnInvalidDocumentWith400ForGraphQlResponseJson() {
		post("{ nope }", MediaType.APPLICATION_GRAPHQL_RESPONSE).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_GRAPHQL_RESPONSE)
			.expectBody(Void.class);
	}

	private WebTestClient.ResponseSpec get(String query, String variables, MediaType accept) {
		return this.http.get().uri(uri -> {
			uri.path("/graphql").queryParam("query", "{query}");
			if (variables != null) {
				uri.queryParam("variables", "{variables}");
				return uri.build(query, variables);
			}
			return uri.build(query);
		}).accept(accept).exchange();
	}

	private WebTestClient.ResponseSpec post(String query, MediaType accept) {
		return this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(accept)
			.bodyValue(Map.of("query", query))
			.exchange();
	}

}
