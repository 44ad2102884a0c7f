package eu.tmall.gateway.access;

import java.util.LinkedHashMap;
import java.util.Map;

import eu.tmall.gateway.NoBufferLeaks;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The developer's run ({@code mvn spring-boot:run}, profile {@code local}): a curl on the
 * same machine needs no key; anything else needs one as in production, and without the
 * profile so does the curl.
 */
class LocalProfileTests {

	private static final String TYPENAME = "{\"query\":\"{ __typename }\"}";

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "gateway.embedded.latency=0ms", "gateway.clients.require-key=true",
					"server.forward-headers-strategy=framework" })
	@AutoConfigureWebTestClient
	@ActiveProfiles("local")
	@ExtendWith(NoBufferLeaks.class)
	class WithTheLocalProfile {

		@Autowired
		private WebTestClient http;

		@Test
		void shouldAnswerACurlFromThisMachineWithoutAKey() {
			post(this.http, Map.of()).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data.__typename")
				.isEqualTo("Query");
		}

		@Test
		void shouldStillCheckAKeyThatIsSent() {
			post(this.http, Map.of("X-Api-Key", "not-a-key")).expectStatus().isUnauthorized().expectBody(Void.class);
		}

		@Test
		void shouldRefuseARequestAProxyForwardedWhateverAddressItNames() {
			for (String forwardedFor : new String[] { "127.0.0.1", "203.0.113.9" }) {
				post(this.http, Map.of("X-Forwarded-For", forwardedFor)).expectStatus()
					.isUnauthorized()
					.expectBody()
					.jsonPath("$.errors[0].extensions.code")
					.isEqualTo("UNAUTHENTICATED");
			}
			post(this.http, Map.of("Forwarded", "for=127.0.0.1")).expectStatus()
				.isUnauthorized()
				.expectBody(Void.class);
		}

		@Test
		void shouldRefuseAWebPageOfAnotherSiteOpenOnThisMachine() {
			post(this.http, Map.of("Origin", "https://any-site.example")).expectStatus()
				.isUnauthorized()
				.expectBody(Void.class);
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "gateway.embedded.latency=0ms", "gateway.clients.require-key=true" })
	@AutoConfigureWebTestClient
	class WithoutIt {

		@Autowired
		private WebTestClient http;

		@Test
		void shouldRefuseTheSameCurlWithoutAKey() {
			post(this.http, Map.of()).expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("UNAUTHENTICATED");
		}

	}

	private static WebTestClient.ResponseSpec post(WebTestClient http, Map<String, String> headers) {
		Map<String, String> sent = new LinkedHashMap<>(headers);
		return http.post()
			.uri("/graphql")
			.headers(h -> sent.forEach(h::set))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(TYPENAME)
			.exchange();
	}

}
