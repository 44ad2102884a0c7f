package eu.tmall.gateway.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.PatientTestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @defer}, as the schema advertises it: a client that accepts
 * {@code multipart/mixed} gets the deferred fragments as later parts of the answer; any
 * other client gets them inline, in one answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureWebTestClient
@Import(FixedClockConfiguration.class)
class DeferTests {

	/** What Apollo Client sends. */
	private static final String ACCEPT_DEFER = "multipart/mixed;deferSpec=20220824, application/json";

	private static final String DEFERRED_OFFERS = """
			query Deferred {
			  product(gtin: "8479235294249", shipTo: "ES") {
			    gtin
			    title
			    ... @defer(label: "offers") {
			      offers { marketplace price { amount } shippingOptions { service } }
			    }
			  }
			}""";

	private static final String INLINE_OFFERS = """
			query Inline {
			  product(gtin: "8479235294249", shipTo: "ES") {
			    offers { marketplace price { amount } shippingOptions { service } }
			  }
			}""";

	@Autowired
	private WebTestClient http;

	@Autowired
	private JsonMapper json;

	@Test
	void shouldSendADeferredFragmentAsALaterPartToAClientThatAcceptsMultipart() {
		EntityExchangeResult<String> answer = post(DEFERRED_OFFERS, ACCEPT_DEFER);

		MediaType type = answer.getResponseHeaders().getContentType();
		assertThat(type.isCompatibleWith(MediaType.MULTIPART_MIXED)).as("%s", type).isTrue();
		assertThat(type.getParameter("deferSpec")).isEqualTo("20220824");
		List<JsonNode> parts = parts(answer.getResponseBody(), type.getParameter("boundary"));
		assertThat(parts).hasSizeGreaterThanOrEqualTo(2);
		JsonNode first = parts.get(0);
		assertThat(first.at("/data/product/gtin").asString()).isEqualTo("8479235294249");
		assertThat(first.at("/data/product").has("offers")).isFalse();
		assertThat(first.get("hasNext").asBoolean()).isTrue();
		JsonNode last = parts.get(parts.size() - 1);
		assertThat(last.get("hasNext").asBoolean()).isFalse();
		JsonNode deferred = deferredPayload(parts, "offers");
		assertThat(deferred.get("path").toString()).isEqualTo("[\"product\"]");
		assertThat(deferred.has("errors")).isFalse();
		JsonNode inline = this.json.readTree(post(INLINE_OFFERS, MediaType.APPLICATION_JSON_VALUE).getResponseBody());
		assertThat(deferred.at("/data/offers")).isNotEmpty().isEqualTo(inline.at("/data/product/offers"));
	}

	@ParameterizedTest
	@ValueSource(strings = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE, "multipart/*, application/json" })
	void shouldAnswerInOnePieceAClientThatDoesNotNameMultipartMixed(String accept) {
		EntityExchangeResult<String> answer = post(DEFERRED_OFFERS, accept);

		assertThat(answer.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		JsonNode body = this.json.readTree(answer.getResponseBody());
		assertThat(body.has("hasNext")).isFalse();
		assertThat(body.at("/data/product/title").asString()).isNotEmpty();
		assertThat(body.at("/data/product/offers")).isNotEmpty();
	}

	@Test
	void shouldAnswerInOnePieceAMultipartClientWhoseQueryDefersNothing() {
		EntityExchangeResult<String> answer = post(INLINE_OFFERS, ACCEPT_DEFER);

		assertThat(answer.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		assertThat(this.json.readTree(answer.getResponseBody()).at("/data/product/offers")).isNotEmpty();
	}

	@Test
	void shouldCodeTheErrorsOfADeferredFragmentAsThoseOfTheFirstPart() {
		String query = """
				query DeferredNode {
				  product(gtin: "8479235294249", shipTo: "ES") { gtin }
				  ... @defer(label: "node") {
				    node(id: "not-an-id") { id }
				  }
				}""";

		EntityExchangeResult<String> answer = post(query, ACCEPT_DEFER);

		MediaType type = answer.getResponseHeaders().getContentType();
		List<JsonNode> parts = parts(answer.getResponseBody(), type.getParameter("boundary"));
		assertThat(parts.get(0).at("/data/product/gtin").asString()).isEqualTo("8479235294249");
		JsonNode error = deferredPayload(parts, "node").at("/errors/0");
		assertThat(error.at("/extensions/code").asString()).as("%s", parts).isEqualTo(ErrorCode.BAD_USER_INPUT.name());
		assertThat(error.at("/extensions/traceId").asString()).isNotEmpty();
		assertThat(error.get("path").toString()).isEqualTo("[\"node\"]");
	}

	private EntityExchangeResult<String> post(String query, String accept) {
		return this.http.mutate()
			// the first request of a cold gateway on a busy machine
			.responseTimeout(PatientTestClients.PATIENCE)
			.build()
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept", accept)
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
	}

	/** The JSON of every part: each part follows a delimiter, the last one closes. */
	private List<JsonNode> parts(String body, String quotedBoundary) {
		String delimiter = "\r\n--" + quotedBoundary.replace("\"", "");
		assertThat(body).startsWith(delimiter).endsWith(delimiter + "--\r\n");
		String[] pieces = body.substring(0, body.length() - "--\r\n".length()).split(delimiter, -1);
		List<JsonNode> parts = new ArrayList<>();
		for (int i = 1; i < pieces.length - 1; i++) {
			String piece = pieces[i];
			assertThat(piece).startsWithIgnoringCase("\r\nContent-Type: application/json");
			parts.add(this.json.readTree(piece.substring(piece.indexOf("\r\n\r\n") + 4)));
		}
		return parts;
	}

	private static JsonNode deferredPayload(List<JsonNode> parts, String label) {
		for (JsonNode part : parts) {
			for (JsonNode payload : part.path("incremental")) {
				if (label.equals(payload.path("label").asString())) {
					return payload;
				}
			}
		}
		throw new AssertionError("no deferred payload labelled " + label + " in " + parts);
	}

}
