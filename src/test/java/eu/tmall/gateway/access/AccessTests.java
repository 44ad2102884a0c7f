package eu.tmall.gateway.access;

import java.time.Duration;

import eu.tmall.gateway.MutableClockConfiguration;
import eu.tmall.gateway.MutableClockConfiguration.MutableClock;
import eu.tmall.gateway.NoBufferLeaks;
import eu.tmall.gateway.observability.RateLimitMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call /graphql: partner apps by API key, within their rate limit and trusted
 * documents; first-party pages by their origin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"gateway.embedded.latency=0ms", "gateway.clients.require-key=true",
		"gateway.clients.partners.good.key-sha256=5019832fa81c7c6a5434d80577257393690c2e0707ea99c80bad757e555f2f4c",
		"gateway.clients.partners.small.key-sha256=c631ae65808a5f553902ca6144e7eb0dcc4d644ece24f054a5d88d211f21eace",
		"gateway.clients.partners.small.rate-limit.capacity=2", "gateway.clients.partners.small.rate-limit.refill=1",
		"gateway.clients.partners.small.rate-limit.period=1h",
		"gateway.clients.partners.trusted.key-sha256=8da25558f13495db09701cbc20291a9bb144321e213c29f630e6fa081d99b642",
		"gateway.clients.partners.trusted.trusted-documents=classpath:access/trusted-documents.json",
		"spring.graphql.cors.allowed-origins=https://shop.example.eu" })
@AutoConfigureWebTestClient
@Import(MutableClockConfiguration.class)
@ExtendWith(NoBufferLeaks.class)
class AccessTests {

	private static final String TYPENAME = "{\"query\":\"{ __typename }\"}";

	private static final String TYPENAME_HASH = "75d6db5ce23bc75d968992039999b39868a37b33fb27c46ba3515796b205524c";

	@Autowired
	private WebTestClient http;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private MutableClock clock;

	@LocalServerPort
	private int port;

	@Test
	void shouldAnswerAPartnerWithAGoodKey() {
		post("good-partner-key", null, TYPENAME).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.__typename")
			.isEqualTo("Query");
	}

	@Test
	void shouldSendSecurityHeadersWithAnswersAndRefusals() {
		for (String key : new String[] { "good-partner-key", "bad-key" }) {
			post(key, null, TYPENAME).expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY")
				.expectHeader()
				.valueEquals("Referrer-Policy", "no-referrer")
				.expectBody(Void.class);
		}
	}

	@Test
	void shouldRefuseAnUnknownKey() {
		post("bad-key", null, TYPENAME).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.exists(HttpHeaders.WWW_AUTHENTICATE)
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].message")
			.isEqualTo("the API key in the X-Api-Key header is not known")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void shouldRefuseAnUnknownKeyEvenFromAFirstPartyOrigin() {
		assertRefused(post("bad-key", "https://shop.example.eu", TYPENAME), 401, "UNAUTHENTICATED");
	}

	@Test
	void shouldRefuseARequestWithoutAKey() {
		post(null, null, TYPENAME).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("this endpoint needs an API key in the X-Api-Key header")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void shouldRefuseAForeignOriginWithoutAKey() {
		assertRefused(post(null, "https://elsewhere.example.com", TYPENAME), 401, "UNAUTHENTICATED");
	}

	@Test
	void shouldAnswerAFirstPartyOriginWithoutAKey() {
		post(null, "https://shop.example.eu", TYPENAME).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://shop.example.eu")
			.expectBody()
			.jsonPath("$.data.__typename")
			.isEqualTo("Query");
	}

	@Test
	void shouldAnswerTheGatewaysOwnPagesWithoutAKey() {
		// GraphiQL's fetch is a same-origin POST, which browsers send with an Origin
		assertAnswered(post(null, "http://localhost:" + this.port, TYPENAME));
	}

	@Test
	void shouldAllowThePreflightOfAFirstPartyOrigin() {
		preflight("https://shop.example.eu").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://shop.example.eu")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> methods.contains("POST"))
			.expectBody()
			.isEmpty();
	}

	@Test
	void shouldRefuseThePreflightOfAForeignOrigin() {
		preflight("https://elsewhere.example.com").expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectBody(Void.class);
	}

	@Test
	void shouldRefuseAPartnerOverItsRateLimitUntilTheBucketRefills() {
		assertAnswered(post("small-partner-key", null, TYPENAME));
		assertAnswered(post("small-partner-key", null, TYPENAME));

		post("small-partner-key", null, TYPENAME).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "3600")
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("client 'small' is over its rate limit; retry after 3600 s")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("RATE_LIMITED");
		assertAnswered(post("good-partner-key", null, TYPENAME));

		this.clock.advance(Duration.ofMinutes(59));
		assertRefused(
				post("small-partner-key", null, TYPENAME).expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "60"),
				429, "RATE_LIMITED");
		this.clock.advance(Duration.ofMinutes(1));
		assertAnswered(post("small-partner-key", null, TYPENAME));
		assertRefused(post("small-partner-key", null, TYPENAME), 429, "RATE_LIMITED");
		assertThat(this.meters.get(RateLimitMetrics.REJECTIONS).tag("client", "small").counter().count()).isEqualTo(3);
	}

	@Test
	void shouldRunATrustedDocumentNamedByItsHash() {
		post("trusted-partner-key", null,
				"{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"%s\"}}}".formatted(TYPENAME_HASH))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.__typename")
			.isEqualTo("Query");
	}

	@Test
	void shouldRunATrustedDocumentSentInFull() {
		post("trusted-partner-key", null, "{\"query\":\"query Typename { __typename }\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.__typename")
			.isEqualTo("Query");
	}

	@Test
	void shouldRefuseADocumentThePartnerIsNotTrustedWith() {
		post("trusted-partner-key", null, TYPENAME).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value(String.class, message -> message.startsWith("client 'trusted' may run only its trusted documents"))
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("OPERATION_NOT_TRUSTED");
		post("trusted-partner-key", null,
				"{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"%s\"}}}".formatted("0".repeat(64)))
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("OPERATION_NOT_TRUSTED");
	}

	@Test
	void shouldLetOtherPartnersRunAnyDocument() {
		post("good-partner-key", null, "{\"query\":\"{ __schema { queryType { name } } }\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.__schema.queryType.name")
			.isEqualTo("Query");
	}

	// every answer's body is read: one left unread holds its buffer until it is collected
	// unreleased (NoBufferLeaks)
	private static void assertAnswered(WebTestClient.ResponseSpec answer) {
		answer.expectStatus().isOk().expectBody().jsonPath("$.data.__typename").isEqualTo("Query");
	}

	private static void assertRefused(WebTestClient.ResponseSpec answer, int status, String code) {
		answer.expectStatus()
			.isEqualTo(status)
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo(code);
	}

	private WebTestClient.ResponseSpec post(@Nullable String key, @Nullable String origin, String body) {
		return this.http.post().uri("/graphql").headers(headers -> {
			if (key != null) {
				headers.set("X-Api-Key", key);
			}
			if (origin != null) {
				headers.setOrigin(origin);
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec preflight(String origin) {
		return this.http.options()
			.uri("/graphql")
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name())
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
			.exchange();
	}

}
