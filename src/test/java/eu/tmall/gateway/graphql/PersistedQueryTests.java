package eu.tmall.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import eu.tmall.gateway.NoBufferLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Apollo's automatic persisted queries: a hash the gateway does not know is answered with
 * PersistedQueryNotFound, the client sends hash and document once, and the hash alone
 * from then on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureWebTestClient
@ExtendWith(NoBufferLeaks.class)
class PersistedQueryTests {

	@Autowired
	private WebTestClient http;

	@Test
	void shouldMissThenRegisterThenHit() {
		String document = "query PersistedRoundTrip { __typename }";
		String hash = sha256(document);

		post(null, hash).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotFound")
			.jsonPath("$.errors[0].extensions.persistedQueryId")
			.isEqualTo(hash);

		post(document, hash).expectStatus().isOk().expectBody().jsonPath("$.data.__typename").isEqualTo("Query");

		post(null, hash).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors")
			.doesNotExist()
			.jsonPath("$.data.__typename")
			.isEqualTo("Query");
	}

	@Test
	void shouldServeAPersistedQueryWithGet() {
		String document = "query PersistedWithGet { __typename }";
		String hash = sha256(document);
		post(document, hash).expectStatus().isOk().expectBody(Void.class);

		this.http.get()
			.uri(uri -> uri.path("/graphql")
				.queryParam("extensions", "{json}")
				.build("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.__typename")
			.isEqualTo("Query");
	}

	@Test
	void shouldRefuseADocumentWhoseHashIsNotTheOneSent() {
		String hash = sha256("query Other { __typename }");

		post("query Mismatched { __typename }", hash).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryIdInvalid");
		post(null, hash).expectBody().jsonPath("$.errors[0].message").isEqualTo("PersistedQueryNotFound");
	}

	private WebTestClient.ResponseSpec post(String document, String hash) {
		Map<String, Object> body = new HashMap<>();
		body.put("query", document);
		body.put("extensions", extensions(hash));
		return this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static Map<String, Object> extensions(String hash) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
	}

	private static String sha256(String document) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
