package eu.tmall.gateway.observability;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.jayway.jsonpath.JsonPath;
import eu.tmall.gateway.MutableClockConfiguration;
import eu.tmall.gateway.PatientTestClients;
import eu.tmall.gateway.catalog.MarketplaceCatalog;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import eu.tmall.gateway.embedded.EmbeddedUpstreamsSettings;
import eu.tmall.gateway.upstream.CachingMarketplaceCatalog;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamChannels;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the console gets, in the production logging configuration and upstream timeouts
 * (the test configuration adds only keys and a smaller largest answer), when requests
 * fail for expected reasons: every upstream fault, a client that hangs up, a refused
 * request. Each is at most two lines (the request's summary and one WARN), none at ERROR,
 * no stack trace, no secret; and a sustained fault load costs a bounded number of bytes
 * per failed request. The summary lines are written at once, so that each request's lines
 * are in the output when it is answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"gateway.embedded.latency=0ms", "gateway.clients.require-key=true",
		"gateway.observability.summary-log.flush-interval=0",
		"gateway.clients.partners.load.key-sha256=" + LogHygieneTests.LOAD_KEY_SHA256,
		"gateway.clients.partners.load.rate-limit.capacity=100000",
		"gateway.clients.partners.load.rate-limit.refill=100000",
		"gateway.clients.partners.small.key-sha256=" + LogHygieneTests.SMALL_KEY_SHA256,
		"gateway.clients.partners.small.rate-limit.capacity=1", "gateway.clients.partners.small.rate-limit.refill=1",
		"gateway.clients.partners.small.rate-limit.period=1h", "gateway.upstreams.tmall.max-response-size=256KB",
		"gateway.upstreams.aliexpress.max-response-size=256KB" })
@ExtendWith(OutputCaptureExtension.class)
@Import(MutableClockConfiguration.class)
class LogHygieneTests {

	static final String LOAD_KEY = "load-partner-key";

	/** How long a breaker stays open before its trial calls, as in application.yml. */
	private static final Duration WAIT_IN_OPEN = Duration.ofSeconds(5);

	static final String LOAD_KEY_SHA256 = "9553c142a6eb77f1eef81546f3c2e5865831d83fb9a987e068a81841682fca46";

	static final String SMALL_KEY = "small-partner-key";

	static final String SMALL_KEY_SHA256 = "c631ae65808a5f553902ca6144e7eb0dcc4d644ece24f054a5d88d211f21eace";

	private static final String PRODUCT = """
			query($gtin: GTIN!, $shipTo: CountryCode!) {
			  product(gtin: $gtin, shipTo: $shipTo) { gtin offers { marketplace price { amount } } }
			}""";

	@Autowired
	private EmbeddedUpstreams upstreams;

	@Autowired
	private EmbeddedUpstreamsSettings settings;

	@Autowired
	private UpstreamChannels channels;

	@Autowired
	private List<MarketplaceCatalog> catalogs;

	@Autowired
	private LoggingSystem loggingSystem;

	@LocalServerPort
	private int port;

	private WebTestClient http;

	@BeforeEach
	void connect() {
		this.http = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(PatientTestClients.PATIENCE)
			.build();
		recover();
	}

	@AfterEach
	void recover() {
		this.upstreams.reset();
		this.upstreams.setLatency(Duration.ZERO);
		for (Upstream upstream : Upstream.values()) {
			this.channels.resilience(upstream).breaker().reset();
		}
		this.catalogs.forEach(catalog -> {
			if (catalog instanceof CachingMarketplaceCatalog caching) {
				caching.invalidateAll();
			}
		});
	}

	@ParameterizedTest
	@EnumSource(UpstreamFault.class)
	void shouldLogAFailingTmallEuropeAsOneLineWithoutAStack(UpstreamFault fault, CapturedOutput output) {
		shouldLogAFailingUpstreamAsOneLineWithoutAStack(Upstream.TMALL_EUROPE, fault, output);
	}

	@ParameterizedTest
	@EnumSource(UpstreamFault.class)
	void shouldLogAFailingAliExpressAsOneLineWithoutAStack(UpstreamFault fault, CapturedOutput output) {
		shouldLogAFailingUpstreamAsOneLineWithoutAStack(Upstream.ALIEXPRESS, fault, output);
	}

	private void shouldLogAFailingUpstreamAsOneLineWithoutAStack(Upstream upstream, UpstreamFault fault,
			CapturedOutput output) {
		// after the fault, whose setting up may log a line of its own (a breaker opened)
		fault.apply(this, upstream);
		int seen = output.length();

		String body = query(LOAD_KEY, Map.of("gtin", sharedGtin(fault.ordinal()), "shipTo", "DE"));

		assertThat(body).contains("\"UPSTREAM_");
		Log log = Log.since(output, seen);
		log.assertHygienic(this.settings);
		assertThat(log.lines()).as(log.text()).hasSizeLessThanOrEqualTo(2).anySatisfy(line -> {
			assertThat(line).contains(" WARN ").contains(upstream.displayName() + ": ");
		});
	}

	@Test
	void shouldLogOneLineForARequestWithManyFailedFields(CapturedOutput output) throws IOException {
		this.upstreams.aliExpressServer()
			.stubFor(post(urlPathEqualTo("/sync")).withFormParam("method", equalTo("aliexpress.ds.freight.query"))
				.willReturn(aResponse().withStatus(500)));
		String document = new ClassPathResource("graphql-test/shippingOptions.graphql")
			.getContentAsString(StandardCharsets.UTF_8);
		int seen = output.length();

		String body = this.http.post()
			.uri("/graphql")
			.header("X-Api-Key", LOAD_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", document, "variables", Map.of("shipTo", "DE")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(JsonPath.<List<String>>read(body, "$.errors[*].extensions.code")).hasSizeGreaterThan(5)
			.containsOnly("UPSTREAM_UNAVAILABLE");
		Log log = Log.since(output, seen);
		log.assertHygienic(this.settings);
		assertThat(log.lines()).as(log.text()).hasSize(2);
	}

	@Test
	void shouldLogAClientThatHangsUpAtDebugOnly(CapturedOutput output) throws Exception {
		// half the attempt's timeout: time enough to hang up before the answer, and to
		// answer before the timeout
		this.upstreams.setLatency(Duration.ofMillis(1000));
		String body = "{\"query\":\"{ product(gtin: \\\"%s\\\", shipTo: \\\"DE\\\") { gtin offers { marketplace } } }\"}"
			.formatted(sharedGtin(20));
		// only to await the moment the cancelled fields are done with: that line is not
		// in the production configuration
		this.loggingSystem.setLogLevel("eu.tmall.gateway.graphql.GraphQlErrors", LogLevel.DEBUG);
		try {
			int seen = output.length();
			try (Socket socket = new Socket("localhost", this.port)) {
				OutputStream out = socket.getOutputStream();
				out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + LOAD_KEY
						+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
					.getBytes(StandardCharsets.UTF_8));
				out.flush();
				await().pollInterval(Duration.ofMillis(10))
					.atMost(PatientTestClients.PATIENCE)
					.until(() -> !this.upstreams.tmallServer().getAllServeEvents().isEmpty()
							&& !this.upstreams.aliExpressServer().getAllServeEvents().isEmpty());
			}
			await().atMost(PatientTestClients.PATIENCE)
				.until(() -> output.toString().substring(seen).contains("Execution has been asked to be cancelled"));

			Log log = Log.since(output, seen);
			log.assertHygienic(this.settings);
			assertThat(log.lines()).as(log.text())
				.filteredOn(line -> !line.contains(" DEBUG "))
				.as("lines in the production configuration")
				.isEmpty();
		}
		finally {
			this.loggingSystem.setLogLevel("eu.tmall.gateway.graphql.GraphQlErrors", null);
		}
	}

	@Test
	void shouldLogRefusedRequestsInAtMostOneLineEach(CapturedOutput output) {
		String typename = "{\"query\":\"{ __typename }\"}";
		int seen = output.length();
		refuse(null, typename, HttpStatus.UNAUTHORIZED);
		refuse("not-a-partner-key", typename, HttpStatus.UNAUTHORIZED);
		this.http.post()
			.uri("/graphql")
			.header("X-Api-Key", SMALL_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(typename)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Void.class);
		refuse(SMALL_KEY, typename, HttpStatus.TOO_MANY_REQUESTS);
		refuse(LOAD_KEY, "{\"query\": ", HttpStatus.BAD_REQUEST);
		refuse(LOAD_KEY, "{\"query\":\"{ __typename }" + " ".repeat(2 * 1024 * 1024) + "\"}",
				HttpStatus.CONTENT_TOO_LARGE);

		Log log = Log.since(output, seen);
		log.assertHygienic(this.settings);
		assertThat(log.lines()).as(log.text()).hasSizeLessThanOrEqualTo(6);
		assertThat(log.text()).doesNotContain(SMALL_KEY).doesNotContain("not-a-partner-key");
	}

	/**
	 * Both marketplaces down while clients keep asking: the bytes of log each failed
	 * request costs, at the rate of a sustained outage.
	 */
	@Test
	void shouldKeepTheLogSmallUnderASustainedFaultLoad(CapturedOutput output) {
		int requests = 200;
		stub(Upstream.TMALL_EUROPE, aResponse().withStatus(500));
		this.upstreams.stopAliExpress();
		WebClient client = WebClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader("X-Api-Key", LOAD_KEY)
			.build();
		int seen = output.length();
		long started = System.nanoTime();

		List<String> answers = Flux.range(0, requests)
			.flatMap(i -> client.post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query", PRODUCT, "variables",
						Map.of("gtin", sharedGtin(i % 100), "shipTo", (i < 100) ? "DE" : "FR")))
				.retrieve()
				.bodyToMono(String.class), 16)
			.collectList()
			.block(PatientTestClients.PATIENCE);
		long breakerCycles = 1 + Duration.ofNanos(System.nanoTime() - started).dividedBy(WAIT_IN_OPEN);

		assertThat(answers).hasSize(requests).allSatisfy(answer -> assertThat(answer).contains("\"UPSTREAM_"));
		Log log = Log.since(output, seen);
		log.assertHygienic(this.settings);
		// the requests' own lines; the outage's own (a breaker opened, half-open, opened
		// again) are three per upstream for each time its timer tried it again, however
		// many requests fail: on a busy machine the burst lasts several such cycles
		assertThat(log.lines().stream().filter(line -> !line.contains("UpstreamResilience")))
			.hasSizeLessThanOrEqualTo(2 * requests);
		assertThat(log.lines().stream().filter(line -> line.contains("UpstreamResilience")))
			.hasSizeLessThanOrEqualTo((int) (6 * breakerCycles));
		long bytesPerRequest = log.text().getBytes(StandardCharsets.UTF_8).length / requests;
		System.out.printf("log bytes per failed request: %d; at 1,000 failed requests a minute, %d KB a minute%n",
				bytesPerRequest, bytesPerRequest * 1000 / 1024);
		assertThat(bytesPerRequest).isLessThanOrEqualTo(640);
	}

	private void refuse(@Nullable String key, String body, HttpStatus status) {
		WebTestClient.RequestBodySpec request = this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON);
		if (key != null) {
			request.header("X-Api-Key", key);
		}
		request.bodyValue(body).exchange().expectStatus().isEqualTo(status).expectBody(Void.class);
	}

	private String query(String key, Map<String, Object> variables) {
		return this.http.post()
			.uri("/graphql")
			.header("X-Api-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", PRODUCT, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private String sharedGtin(int index) {
		return this.upstreams.catalog().sharedGtins().get(index);
	}

	private void stub(Upstream upstream, ResponseDefinitionBuilder response) {
		server(upstream).stubFor(matching(upstream).get().willReturn(response));
	}

	private WireMockServer server(Upstream upstream) {
		return (upstream == Upstream.TMALL_EUROPE) ? this.upstreams.tmallServer() : this.upstreams.aliExpressServer();
	}

	private static Supplier<MappingBuilder> matching(Upstream upstream) {
		return (upstream == Upstream.TMALL_EUROPE) ? () -> get(urlPathMatching("/rest/.*"))
				: () -> post(urlPathEqualTo("/sync"));
	}

	/** The faults of the resilience tests, each failing every call to one upstream. */
	enum UpstreamFault {

		CONNECTION_REFUSED, CONNECTION_RESET, TIMEOUT, HTTP_500, HTTP_503, RATE_LIMITED, RETRY_AFTER_PAST_DEADLINE,
		MALFORMED_JSON, EMPTY_BODY, WRONG_CONTENT_TYPE, VERY_LARGE_RESPONSE, REFUSED_SIGNATURE, BREAKER_OPEN;

		void apply(LogHygieneTests test, Upstream upstream) {
			boolean tmall = upstream == Upstream.TMALL_EUROPE;
			switch (this) {
				case CONNECTION_REFUSED -> {
					if (tmall) {
						test.upstreams.stopTmall();
					}
					else {
						test.upstreams.stopAliExpress();
					}
				}
				case BREAKER_OPEN -> test.channels.resilience(upstream).breaker().transitionToOpenState();
				default -> test.stub(upstream, response(tmall));
			}
		}

		private ResponseDefinitionBuilder response(boolean tmall) {
			return switch (this) {
				case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
				case TIMEOUT -> okJson("{}").withFixedDelay(3000);
				case HTTP_500 -> aResponse().withStatus(500).withBody("java.lang.NullPointerException at com.example");
				case HTTP_503 -> aResponse().withStatus(503);
				case RATE_LIMITED -> okJson(tmall ? """
						{"type":"ISP","code":"ApiCallLimit","message":"call limit","request_id":"r"}"""
						: """
								{"error_response":{"type":"ISP","code":"ApiCallLimit",
								"msg":"Api access frequency exceeds the limit. this ban will last 1 seconds","request_id":"r"}}""");
				case RETRY_AFTER_PAST_DEADLINE -> aResponse().withStatus(429).withHeader("Retry-After", "30");
				case MALFORMED_JSON -> okJson("{\"code\":\"0\",\"data\":{\"products\":[{\"item_id\":");
				case EMPTY_BODY -> aResponse().withStatus(200).withHeader("Content-Type", "application/json");
				case WRONG_CONTENT_TYPE -> aResponse().withStatus(200)
					.withHeader("Content-Type", "text/html")
					.withBody("<html><body>Down for maintenance</body></html>");
				case VERY_LARGE_RESPONSE -> okJson(
						"{\"code\":\"0\",\"data\":{\"products\":[],\"padding\":\"" + "x".repeat(512 * 1024) + "\"}}");
				case REFUSED_SIGNATURE -> okJson(tmall ? """
						{"type":"ISV","code":"IncompleteSignature","message":"bad signature","request_id":"r"}"""
						: """
								{"error_response":{"type":"ISV","code":"InvalidSignature","msg":"bad signature","request_id":"r"}}""");
				default -> throw new IllegalStateException(name() + " is not a stubbed response");
			};
		}

	}

	/** The console output since a point. */
	record Log(String text, List<String> lines) {

		static Log since(CapturedOutput output, int seen) {
			List<String> lines = output.toString().substring(seen).lines().filter(line -> !line.isBlank()).toList();
			return new Log(String.join("\n", lines) + "\n", lines);
		}

		void assertHygienic(EmbeddedUpstreamsSettings settings) {
			assertThat(this.lines).as(this.text).noneSatisfy(line -> assertThat(line).contains(" ERROR "));
			assertThat(this.lines).as(this.text)
				.noneSatisfy(line -> assertThat(line).matches("^\\s+at .*|^Caused by: .*|^\\s+\\.\\.\\. \\d+ more"));
			assertThat(this.text).doesNotContain(settings.tmall().appSecret())
				.doesNotContain(settings.aliExpress().appSecret())
				.doesNotContain(settings.tmall().appKey())
				.doesNotContain(settings.aliExpress().appKey())
				.doesNotContain("sign=")
				.doesNotContainIgnoringCase("\"sign\"")
				.doesNotContain(LOAD_KEY);
		}

	}

}
