package eu.tmall.gateway.observability;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.jayway.jsonpath.JsonPath;
import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.MutableClockConfiguration.MutableClock;
import eu.tmall.gateway.MutableClockConfiguration;
import eu.tmall.gateway.NoBufferLeaks;
import eu.tmall.gateway.PatientTestClients;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import eu.tmall.gateway.embedded.EmbeddedUpstreamsSettings;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamChannels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees of real queries over the embedded upstreams: the Prometheus
 * series, the caller's trace continued to both upstreams and quoted in errors, and logs
 * free of credentials. Each test asks for its own destination, part of every cache key,
 * so its caches start cold; counts are read as differences between two scrapes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.embedded.latency=0ms", "gateway.observability.operation-names=Product,Products" })
@AutoConfigureMetrics
@AutoConfigureTracing
@ExtendWith({ OutputCaptureExtension.class, NoBufferLeaks.class })
@Import(MutableClockConfiguration.class)
class ObservabilityTests {

	private static final String PRODUCT = """
			query Product($gtin: GTIN!, $shipTo: CountryCode!) {
			  product(gtin: $gtin, shipTo: $shipTo) { gtin offers { marketplace price { amount } } }
			}""";

	private static final String PRODUCTS = """
			query Products($gtins: [GTIN!]!, $shipTo: CountryCode!) {
			  products(gtins: $gtins, shipTo: $shipTo) { gtin offers { marketplace } }
			}""";

	private static final String BY_EAN = "aliexpress.affiliate.product.ean.get";

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

	/** A listing priced in zlotys, which Tmall Europe's contract rules out. */
	private static final String LISTING_IN_ZLOTYS = """
			{"item_id":"TE1","gtin":"%s","title":"Headphones","brand":"Sennheiser","brand_country":"DE",
			 "category":"Audio","images":[],"price":"549.00","currency":"PLN","stock":4,"seller":"Sennheiser",
			 "url":"https://tmall.eu/item/TE1","warehouse_country":"DE","delivery":{"dispatch_days":1,
			 "transit_min_days":1,"transit_max_days":4,"carrier":"DHL","shipping_fee":"0.00"}}""";

	@Autowired
	private EmbeddedUpstreams upstreams;

	@Autowired
	private EmbeddedUpstreamsSettings settings;

	@Autowired
	private UpstreamChannels channels;

	@Autowired
	private MutableClock clock;

	@Autowired
	private SummaryLog summaryLog;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private WebTestClient http;

	private WebTestClient management;

	@BeforeEach
	void connect() {
		// an earlier test's summary lines are written now, before any test reads where
		// its
		// own start
		this.summaryLog.flush();
		this.upstreams.reset();
		this.clock.set(FixedClockConfiguration.NOW);
		for (Upstream upstream : Upstream.values()) {
			this.channels.resilience(upstream).breaker().reset();
		}
		this.http = client(this.port);
		this.management = client(this.managementPort);
	}

	private static WebTestClient client(int port) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(PatientTestClients.PATIENCE)
			.build();
	}

	@Test
	void shouldCountUpstreamCallsCacheLookupsBatchesAndErrorsInPrometheus() {
		PrometheusScrape before = scrape();
		query(PRODUCT, Map.of("gtin", sharedGtin(0), "shipTo", "FR"));
		PrometheusScrape cold = scrape();

		assertThat(delta(before, cold, "http_client_requests_seconds_count",
				Map.of("upstream", "aliexpress", "upstream_method", BY_EAN, "upstream_outcome", "SUCCESS")))
			.isEqualTo(1);
		assertThat(delta(before, cold, "http_client_requests_seconds_count", Map.of("upstream", "tmall-europe",
				"upstream_method", "/products/gtin/get", "upstream_outcome", "SUCCESS")))
			.isEqualTo(1);
		assertThat(delta(before, cold, "http_client_requests_seconds_bucket",
				Map.of("upstream", "aliexpress", "upstream_method", BY_EAN, "le", "+Inf")))
			.as("a latency histogram")
			.isEqualTo(1);
		assertThat(delta(before, cold, "cache_gets_total",
				Map.of("cache", "offers-by-gtin", "upstream", "aliexpress", "result", "miss")))
			.isEqualTo(1);
		assertThat(delta(before, cold, "graphql_request_seconds_count",
				Map.of("graphql_operation_name", "Product", "graphql_outcome", "SUCCESS")))
			.isEqualTo(1);

		query(PRODUCT, Map.of("gtin", sharedGtin(0), "shipTo", "FR"));
		PrometheusScrape warm = scrape();

		assertThat(delta(cold, warm, "cache_gets_total",
				Map.of("cache", "offers-by-gtin", "upstream", "aliexpress", "result", "hit")))
			.isEqualTo(1);
		assertThat(delta(cold, warm, "http_client_requests_seconds_count", Map.of("upstream", "aliexpress"))).isZero();

		query(PRODUCTS, Map.of("gtins", List.of(sharedGtin(1), sharedGtin(2), sharedGtin(3)), "shipTo", "FR"));
		PrometheusScrape batched = scrape();

		assertThat(delta(warm, batched, "gateway_dataloader_batch_size_count",
				Map.of("loader", "ALIEXPRESS.offersByGtin")))
			.isEqualTo(1);
		assertThat(
				delta(warm, batched, "gateway_dataloader_batch_size_sum", Map.of("loader", "ALIEXPRESS.offersByGtin")))
			.isEqualTo(3);

		failAliExpressByEan();
		query(PRODUCT, Map.of("gtin", sharedGtin(4), "shipTo", "FR"));
		PrometheusScrape failed = scrape();

		assertThat(delta(batched, failed, "gateway_graphql_errors_total", Map.of("code", "UPSTREAM_UNAVAILABLE")))
			.isEqualTo(1);
		assertThat(delta(batched, failed, "http_client_requests_seconds_count",
				Map.of("upstream", "aliexpress", "upstream_method", BY_EAN, "upstream_outcome", "UNAVAILABLE")))
			.isEqualTo(1);
		assertThat(delta(batched, failed, "graphql_request_seconds_count",
				Map.of("graphql_operation_name", "Product", "graphql_outcome", "REQUEST_ERROR")))
			.isEqualTo(1);
		assertThat(failed.sum("resilience4j_circuitbreaker_state", Map.of("name", "aliexpress", "state", "closed")))
			.isEqualTo(1);
		assertThat(failed.text()).as("timers, without a long-task timer beside each")
			.contains("http_server_requests_seconds_count")
			.doesNotContain("_active_seconds");
	}

	@Test
	void shouldBoundOperationNamesToTheConfiguredOnes() {
		PrometheusScrape before = scrape();
		query(PRODUCT.replace("query Product(", "query MadeUp123("), Map.of("gtin", sharedGtin(5), "shipTo", "BE"));

		assertThat(delta(before, scrape(), "graphql_request_seconds_count", Map.of("graphql_operation_name", "other")))
			.isEqualTo(1);
		assertThat(scrape().text()).doesNotContain("MadeUp123");
	}

	/** A trace flagged unsampled ({@code -00}) is continued and quoted alike. */
	@ParameterizedTest(name = "flags {0}")
	@ValueSource(strings = { "01", "00" })
	void shouldContinueTheCallersTraceToBothUpstreamsAndQuoteItInErrors(String flags) {
		failAliExpressByEan();

		String body = query(PRODUCT, Map.of("gtin", sharedGtin(flags.equals("01") ? 6 : 12), "shipTo", "IT"),
				"00-" + TRACE_ID + "-00f067aa0ba902b7-" + flags);

		assertThat(traceparents(this.upstreams.tmallServer())).isNotEmpty()
			.allSatisfy(traceparent -> assertThat(traceparent).startsWith("00-" + TRACE_ID + "-"));
		assertThat(traceparents(this.upstreams.aliExpressServer())).isNotEmpty()
			.allSatisfy(traceparent -> assertThat(traceparent).startsWith("00-" + TRACE_ID + "-"));
		List<String> codes = JsonPath.read(body, "$.errors[*].extensions.code");
		List<String> traceIds = JsonPath.read(body, "$.errors[*].extensions.traceId");
		assertThat(codes).containsExactly("UPSTREAM_UNAVAILABLE");
		assertThat(traceIds).containsExactly(TRACE_ID);
	}

	@Test
	void shouldWriteTheSummaryLinesThroughTheBufferWithTheConsolesFormat(CapturedOutput output) {
		Logger summaries = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(SummaryLog.LOGGER);
		assertThat(summaries.getAppender(SummaryLog.APPENDER)).isNotNull().satisfies(appender -> {
			assertThat(appender.isStarted()).isTrue();
		});
		assertThat(summaries.isAdditive()).isFalse();

		String traceId = "7d1c0e5f3a2b4c6d8e9f0a1b2c3d4e5f";

		query(PRODUCT, Map.of("gtin", sharedGtin(11), "shipTo", "BE"), "00-" + traceId + "-00f067aa0ba902b7-01");
		this.summaryLog.flush();

		assertThat(output.getOut().lines().filter(line -> line.contains(traceId))).singleElement()
			.satisfies(line -> assertThat(line).contains(" INFO ")
				.contains(SummaryLog.LOGGER)
				.contains("graphql operation=Product"));
	}

	@Test
	void shouldKeepSecretsKeysAndSignaturesOutOfTheLogsOfAFailingRequest(CapturedOutput output) {
		failAliExpressByEan();

		query(PRODUCT, Map.of("gtin", sharedGtin(7), "shipTo", "NL"));
		this.summaryLog.flush();

		assertThat(output).contains("UNAVAILABLE at ")
			.containsPattern("graphql operation=Product client=anonymous duration_ms=\\d+ upstream_calls=2 "
					+ "cache_hits=0 cache_misses=2 errors=1")
			.contains(TRACE_ID);
		assertThat(output).doesNotContain(this.settings.tmall().appSecret())
			.doesNotContain(this.settings.aliExpress().appSecret())
			.doesNotContain(this.settings.tmall().appKey())
			.doesNotContain(this.settings.aliExpress().appKey())
			.doesNotContain("sign=")
			.doesNotContainIgnoringCase("\"sign\"");
	}

	/**
	 * Each line is written on a different thread: the mapping's WARN on the connection
	 * that received Tmall Europe's answer, the error's WARN where AliExpress's failure
	 * was resolved, the summary where the response was written. A second request with
	 * another trace shows that no thread keeps the first one.
	 */
	@Test
	void shouldWriteTheCallersTraceIdInEveryLogLineOfTheRequest(CapturedOutput output) {
		String otherTraceId = "0af7651916cd43dd8448eb211c80319c";
		failAliExpressByEan();
		for (String traceId : List.of(TRACE_ID, otherTraceId)) {
			String gtin = sharedGtin(traceId.equals(TRACE_ID) ? 8 : 9);
			this.upstreams.tmallServer()
				.stubFor(get(urlPathMatching(".*/products/gtin/get"))
					.willReturn(okJson("{\"code\":\"0\",\"data\":{\"products\":[" + LISTING_IN_ZLOTYS.formatted(gtin)
							+ "]},\"request_id\":\"r1\"}")));
			int seen = output.getOut().length();

			query(PRODUCT, Map.of("gtin", gtin, "shipTo", "AT"), "00-" + traceId + "-00f067aa0ba902b7-01");
			this.summaryLog.flush();

			assertThat(output.getOut()
				.substring(seen)
				.lines()
				.filter(line -> line.contains("breaks the contract") || line.contains("UNAVAILABLE at ")
						|| line.contains("graphql operation=Product")))
				.hasSize(3)
				.allSatisfy(line -> assertThat(line).contains(traceId));
		}
	}

	@Test
	void shouldWriteTheTraceIdWhenServingStaleOffers(CapturedOutput output) {
		String traceId = "5c3e8a1f2b4d6e7f8091a2b3c4d5e6f7";
		Map<String, Object> product = Map.of("gtin", sharedGtin(10), "shipTo", "SE");
		query(PRODUCT, product);
		this.clock.advance(Duration.ofMinutes(6));
		failAliExpressByEan();
		int seen = output.getOut().length();

		query(PRODUCT, product, "00-" + traceId + "-00f067aa0ba902b7-01");

		assertThat(output.getOut().substring(seen).lines().filter(line -> line.contains("stale entries")))
			.singleElement()
			.satisfies(line -> assertThat(line).contains(traceId));
	}

	@Test
	void shouldReportEachUpstreamInReadinessAndKeepLivenessUpDuringAnOutage() {
		try {
			this.channels.resilience(Upstream.TMALL_EUROPE).breaker().transitionToForcedOpenState();
			health("/actuator/health/readiness", HttpStatus.OK).jsonPath("$.status")
				.isEqualTo("DEGRADED")
				.jsonPath("$.components.upstreams.components.tmall-europe.status")
				.isEqualTo("DEGRADED")
				.jsonPath("$.components.upstreams.components.aliexpress.status")
				.isEqualTo("UP");

			this.channels.resilience(Upstream.ALIEXPRESS).breaker().transitionToForcedOpenState();
			health("/actuator/health/readiness", HttpStatus.SERVICE_UNAVAILABLE).jsonPath("$.status").isEqualTo("DOWN");
			health("/actuator/health/liveness", HttpStatus.OK).jsonPath("$.status").isEqualTo("UP");
		}
		finally {
			for (Upstream upstream : Upstream.values()) {
				this.channels.resilience(upstream).breaker().reset();
			}
		}
	}

	/**
	 * Actuator answers on its own port only: {@code /actuator/prometheus} lists partner
	 * ids, and readiness says which upstream is down, neither for the public.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/actuator/prometheus", "/actuator/health", "/actuator/health/readiness",
			"/actuator/health/liveness", "/actuator" })
	void shouldServeActuatorOnTheManagementPortAndNotOnThePublicOne(String path) {
		this.http.get().uri(path).exchange().expectStatus().isNotFound().expectBody(Void.class);
		this.management.get().uri(path).exchange().expectStatus().isOk().expectBody(Void.class);
	}

	private WebTestClient.BodyContentSpec health(String path, HttpStatus status) {
		return this.management.get().uri(path).exchange().expectStatus().isEqualTo(status).expectBody();
	}

	private String query(String document, Map<String, Object> variables) {
		return query(document, variables, TRACEPARENT);
	}

	private String query(String document, Map<String, Object> variables, String traceparent) {
		return this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header("traceparent", traceparent)
			.bodyValue(Map.of("query", document, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private PrometheusScrape scrape() {
		return new PrometheusScrape(this.management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	private static double delta(PrometheusScrape before, PrometheusScrape after, String name,
			Map<String, String> labels) {
		return after.sum(name, labels) - before.sum(name, labels);
	}

	private String sharedGtin(int index) {
		return this.upstreams.catalog().sharedGtins().get(index);
	}

	private void failAliExpressByEan() {
		this.upstreams.aliExpressServer()
			.stubFor(post(urlPathEqualTo("/sync")).withFormParam("method", equalTo(BY_EAN))
				.willReturn(aResponse().withStatus(500)));
	}

	private static List<String> traceparents(WireMockServer server) {
		return server.getAllServeEvents()
			.stream()
			.map(ServeEvent::getRequest)
			.map(request -> request.getHeader("traceparent"))
			.toList();
	}

}
