package eu.tmall.gateway.upstream.tmall;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import eu.tmall.gateway.upstream.ApiSigner;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamChannel;
import eu.tmall.gateway.upstream.UpstreamConnection;
import eu.tmall.gateway.upstream.UpstreamException;
import eu.tmall.gateway.upstream.UpstreamException.Kind;
import eu.tmall.gateway.upstream.UpstreamsProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TmallClientTests {

	private static final String SECRET = "test-secret";

	private static final String LISTING = """
			{"item_id":"TE1","gtin":"4006381333931","title":"Sennheiser HD 450BT Wireless Headphones",
			 "brand":"Sennheiser","brand_country":"DE","category":"Audio","images":["https://img/1.jpg"],
			 "price":"129.90","currency":"EUR","stock":4,"seller":"Sennheiser","url":"https://tmall.eu/item/TE1",
			 "warehouse_country":"DE","delivery":{"dispatch_days":1,"transit_min_days":1,"transit_max_days":4,
			 "carrier":"DHL","shipping_fee":"0.00"},"unknown_field":true}""";

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private TmallClient client;

	@BeforeEach
	void start() {
		this.server.start();
		UpstreamConnection connection = new UpstreamConnection(URI.create(this.server.baseUrl()), "app-1", SECRET);
		UpstreamsProperties.Endpoint endpoint = new UpstreamsProperties.Endpoint(null, null, null,
				Duration.ofSeconds(1), Duration.ofMillis(1500));
		this.client = new TmallClient(UpstreamChannel.open(Upstream.TMALL_EUROPE, WebClient.builder(), connection,
				endpoint, JsonMapper.builder().build(),
				Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC)));
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void shouldSendCallsThatThePlatformsSignatureRuleAccepts() {
		stubData("/rest/products/gtin/get", "{\"products\":[" + LISTING + "]}");

		List<TmallListing> found = this.client.findByGtins(List.of("4006381333931"), "ES").collectList().block();

		assertThat(found).singleElement().satisfies(listing -> {
			assertThat(listing.itemId()).isEqualTo("TE1");
			assertThat(listing.delivery().transitMaxDays()).isEqualTo(4);
		});
		LoggedRequest request = this.server.findAll(getRequestedFor(urlPathEqualTo("/rest/products/gtin/get"))).get(0);
		Map<String, String> params = new TreeMap<>();
		request.getQueryParams().forEach((name, value) -> params.put(name, value.firstValue()));
		assertThat(params).containsEntry("app_key", "app-1")
			.containsEntry("timestamp", "1795773600000")
			.containsEntry("sign_method", "sha256")
			.containsEntry("gtins", "4006381333931")
			.containsEntry("ship_to", "ES");
		assertThat(params.get("sign")).isEqualTo(ApiSigner.sign(SECRET, "/products/gtin/get", params));
	}

	@Test
	void shouldSplitLookupsAtTheBatchLimitAndRunThePartsConcurrently() {
		this.server.stubFor(get(urlPathEqualTo("/rest/products/get"))
			.willReturn(okJson("{\"code\":\"0\",\"data\":{\"products\":[]}}").withFixedDelay(300)));
		List<String> ids = IntStream.range(0, 120).mapToObj(i -> "TE" + i).toList();
		this.client.findByIds(List.of("warm-up"), "DE").collectList().block();
		this.server.resetRequests();

		long started = System.nanoTime();
		this.client.findByIds(ids, "DE").collectList().block();
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		List<LoggedRequest> requests = this.server.findAll(getRequestedFor(urlPathEqualTo("/rest/products/get")));
		assertThat(requests).hasSize(3)
			.allSatisfy(request -> assertThat(request.queryParameter("item_ids").firstValue().split(","))
				.hasSizeLessThanOrEqualTo(TmallClient.MAX_BATCH));
		assertThat(took).isLessThan(Duration.ofMillis(750));
	}

	@Test
	void shouldReportARefusedSignatureAsAnAuthFailure() {
		stubBody("/rest/products/get",
				"""
						{"type":"ISV","code":"IncompleteSignature","message":"The request signature does not conform to platform standards","request_id":"abc"}""");

		assertThatExceptionOfType(UpstreamException.class)
			.isThrownBy(() -> this.client.findByIds(List.of("TE1"), "ES").blockLast())
			.satisfies(ex -> assertThat(ex.kind()).isEqualTo(Kind.AUTH))
			.withMessageContaining("refused the request signature")
			.withMessageNotContaining(SECRET);
	}

	@Test
	void shouldReportServerErrorsAsUnavailable() {
		this.server.stubFor(get(urlPathEqualTo("/rest/products/get")).willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(UpstreamException.class)
			.isThrownBy(() -> this.client.findByIds(List.of("TE1"), "ES").blockLast())
			.satisfies(ex -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
	}

	@Test
	void shouldReportMalformedBodiesAsBadResponses() {
		stubBody("/rest/products/get", "{\"code\":\"0\",\"data\":");

		assertThatExceptionOfType(UpstreamException.class)
			.isThrownBy(() -> this.client.findByIds(List.of("TE1"), "ES").blockLast())
			.satisfies(ex -> assertThat(ex.kind()).isEqualTo(Kind.BAD_RESPONSE));
	}

	@Test
	void shouldReportAConnectionResetAsUnavailable() {
		this.server.stubFor(get(urlPathEqualTo("/rest/products/get"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(UpstreamException.class)
			.isThrownBy(() -> this.client.findByIds(List.of("TE1"), "ES").blockLast())
			.satisfies(ex -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
	}

	@Test
	void shouldGiveUpAtTheDeadline() {
		this.server.stubFor(get(urlPathEqualTo("/rest/products/get"))
			.willReturn(okJson("{\"code\":\"0\",\"data\":{\"products\":[]}}").withFixedDelay(4000)));

		assertThatExceptionOfType(UpstreamException.class)
			.isThrownBy(() -> this.client.findByIds(List.of("TE1"), "ES").blockLast())
			.satisfies(ex -> assertThat(ex.kind()).isEqualTo(Kind.TIMEOUT));
	}

	private void stubData(String path, String data) {
		stubBody(path, "{\"code\":\"0\",\"data\":" + data + ",\"request_id\":\"r1\"}");
	}

	private void stubBody(String path, String body) {
		this.server.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(body)));
	}

}
