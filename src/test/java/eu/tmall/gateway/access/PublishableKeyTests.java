package eu.tmall.gateway.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A widget on a partner's shop page calls with its publishable key: answered from the
 * key's own origins, for the widget's document, within the key's rate limit; CORS lets
 * those origins in, and only those.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.embedded.latency=0ms", "gateway.clients.require-key=true",
				"gateway.clients.publishable.shop.key=" + PublishableKeyTests.SHOP_KEY,
				"gateway.clients.publishable.shop.allowed-origins=" + PublishableKeyTests.SHOP,
				"gateway.clients.publishable.small.key=" + PublishableKeyTests.SMALL_KEY,
				"gateway.clients.publishable.small.allowed-origins=" + PublishableKeyTests.SMALL_SHOP,
				"gateway.clients.publishable.small.rate-limit.capacity=2",
				"gateway.clients.publishable.small.rate-limit.refill=1",
				"gateway.clients.publishable.small.rate-limit.period=1h",
				"spring.graphql.cors.allowed-origins=" + PublishableKeyTests.FIRST_PARTY })
@AutoConfigureWebTestClient
@Import(MutableClockConfiguration.class)
@ExtendWith(NoBufferLeaks.class)
class PublishableKeyTests {

	static final String SHOP = "https://shop.example.eu";

	static final String SHOP_KEY = "pk_test_shop_2f9c1e07b4d6a8";

	static final String SMALL_SHOP = "http://127.0.0.1:8123";

	static final String SMALL_KEY = "pk_test_small_5a0d3b91c7e2f4";

	static final String FIRST_PARTY = "https://www.tmall.example.eu";

	private static final String ELSEWHERE = "https://elsewhere.example.com";

	@Autowired
	private WebTestClient http;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private MutableClock clock;

	@LocalServerPort
	private int port;

	@Test
	void shouldAnswerTheWidgetFromAnAllowedOriginWithItsKey() throws IOException {
		post(SHOP_KEY, SHOP, widgetRequest("8479235294249")).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP)
			.expectHeader()
			.value(HttpHeaders.VARY, vary -> assertThat(vary).contains(HttpHeaders.ORIGIN))
			.expectBody()
			.jsonPath("$.errors")
			.doesNotExist()
			.jsonPath("$.data.product.gtin")
			.isEqualTo("8479235294249")
			.jsonPath("$.data.product.offers.length()")
			.isEqualTo(2)
			.jsonPath("$.data.product.comparison.cheapest.id")
			.exists();
	}

	@Test
	void shouldRefuseTheKeyFromAnotherOrigin() throws IOException {
		post(SHOP_KEY, ELSEWHERE, widgetRequest("8479235294249")).expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].message")
			.isEqualTo("the publishable key of client 'shop' may be used only from its allowed origins, and "
					+ ELSEWHERE + " is not one of them")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("ORIGIN_NOT_ALLOWED");
	}

	@Test
	void shouldRefuseTheKeyFromTheOriginOfAnotherKey() throws IOException {
		// the page may read why: its origin is one CORS lets in
		post(SHOP_KEY, SMALL_SHOP, widgetRequest("8479235294249")).expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SMALL_SHOP)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("ORIGIN_NOT_ALLOWED");
	}

	@Test
	void shouldRefuseTheKeyFromNoWebPage() throws IOException {
		post(SHOP_KEY, null, widgetRequest("8479235294249")).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("the publishable key of client 'shop' works only in a web page on one of its allowed"
					+ " origins, and the request has no Origin");
	}

	@Test
	void shouldRefuseAnAllowedOriginWithoutAKey() throws IOException {
		post(null, SHOP, widgetRequest("8479235294249")).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void shouldRefuseADocumentOtherThanTheWidgets() {
		post(SHOP_KEY, SHOP, "{\"query\":\"{ __typename }\"}").expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value(String.class,
					message -> assertThat(message).startsWith("client 'shop' may run only its trusted documents"))
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("OPERATION_NOT_TRUSTED");
	}

	@Test
	void shouldRunTheWidgetsDocumentSentInFull() throws IOException {
		String request = "{\"query\":%s,\"variables\":{\"gtin\":\"4015397101793\",\"shipTo\":\"DE\"}}"
			.formatted(quoted(widgetDocument()));

		post(SHOP_KEY, SHOP, request).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.product.offers[0].marketplace")
			.isEqualTo("TMALL_EUROPE");
	}

	@Test
	void shouldRefuseAKeyOverItsRateLimitUntilTheBucketRefills() throws IOException {
		String request = widgetRequest("6969895119058");
		post(SMALL_KEY, SMALL_SHOP, request).expectStatus().isOk().expectBody(Void.class);
		post(SMALL_KEY, SMALL_SHOP, request).expectStatus().isOk().expectBody(Void.class);

		post(SMALL_KEY, SMALL_SHOP, request).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "3600")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed).contains("Retry-After"))
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("RATE_LIMITED")
			.jsonPath("$.errors[0].extensions.retryAfter")
			.isEqualTo(3600);
		post(SHOP_KEY, SHOP, request).expectStatus().isOk().expectBody(Void.class);

		this.clock.advance(Duration.ofHours(1));
		post(SMALL_KEY, SMALL_SHOP, request).expectStatus().isOk().expectBody(Void.class);
		post(SMALL_KEY, SMALL_SHOP, request).expectStatus().isEqualTo(429).expectBody(Void.class);
		assertThat(this.meters.get(RateLimitMetrics.REJECTIONS).tag("client", "small").counter().count()).isEqualTo(2);
	}

	@Test
	void shouldAllowThePreflightOfAnAllowedOrigin() {
		preflight(SHOP).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP)
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"))
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
					headers -> assertThat(headers.toLowerCase()).contains("x-api-key", "accept-language"))
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600")
			.expectBody()
			.isEmpty();
	}

	@Test
	void shouldRefuseThePreflightOfAnotherOrigin() {
		preflight(ELSEWHERE).expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectBody(Void.class);
	}

	@Test
	void shouldStillAllowThePreflightOfAFirstPartyOrigin() {
		preflight(FIRST_PARTY).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FIRST_PARTY)
			.expectBody()
			.isEmpty();
	}

	@Test
	void shouldAnswerTheWidgetsHashOnTheGatewaysOwnPagesWithoutAKey() throws IOException {
		// the demo page: same origin, no key, and the hash alone is known
		post(null, "http://localhost:" + this.port, widgetRequest("6969895119058")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.product.offers[0].marketplace")
			.isEqualTo("ALIEXPRESS");
	}

	@Test
	void shouldLeaveOtherHashesToAutomaticPersistedQueries() {
		post(null, FIRST_PARTY,
				"{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"%s\"}}}".formatted("0".repeat(64)))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	static String widgetDocument() throws IOException {
		return new ClassPathResource("widget/TmallCompare.graphql").getContentAsString(StandardCharsets.UTF_8);
	}

	private static String widgetRequest(String gtin) throws IOException {
		return """
				{"operationName":"TmallCompare","variables":{"gtin":"%s","shipTo":"ES"},
				 "extensions":{"persistedQuery":{"version":1,"sha256Hash":"%s"}}}""".formatted(gtin,
				Sha256.hex(widgetDocument()));
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
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
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type, x-api-key, accept-language")
			.exchange();
	}

}
