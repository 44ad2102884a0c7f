package eu.tmall.gateway.embedded;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import eu.tmall.gateway.embedded.PlatformCalls.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EmbeddedUpstreamsTests {

	private EmbeddedUpstreams upstreams;

	@BeforeEach
	void start() {
		Credentials unused = new Credentials("", "");
		this.upstreams = EmbeddedUpstreams.start(
				new EmbeddedUpstreamsSettings(0, 0, Duration.ZERO, false, unused, unused), EmbeddedCatalog.generate());
	}

	@AfterEach
	void stop() {
		this.upstreams.close();
	}

	@Test
	void shouldListenOnRandomLocalPorts() {
		assertThat(this.upstreams.tmallBaseUrl()).matches("http://localhost:\\d+")
			.isEqualTo("http://localhost:" + this.upstreams.tmallServer().port());
		assertThat(this.upstreams.aliExpressBaseUrl()).matches("http://localhost:\\d+")
			.isNotEqualTo(this.upstreams.tmallBaseUrl());
	}

	@Test
	void shouldAcceptUnsignedCallsWhenVerificationIsOff() {
		TmallItem listing = this.upstreams.catalog().tmallItems().get(0);
		Answer tmall = PlatformCalls.get(this.upstreams.tmallBaseUrl() + "/rest/products/get",
				Map.of("item_ids", listing.itemId(), "ship_to", "DE"));
		assertThat(tmall.body().at("/data/products/0/item_id").asString()).isEqualTo(listing.itemId());
		Answer aliExpress = PlatformCalls.post(this.upstreams.aliExpressBaseUrl() + "/sync",
				Map.of("method", "aliexpress.affiliate.product.query", "keywords", "headphones", "ship_to_country",
						"DE", "app_key", "anything", "sign", "whatever"));
		assertThat(aliExpress.body()
			.at("/aliexpress_affiliate_product_query_response/resp_result/result/total_record_count")
			.asInt()).isGreaterThanOrEqualTo(30);
	}

	@Test
	void shouldDelayEveryResponseByTheLatencySetAtRunTime() {
		this.upstreams.setLatency(Duration.ofMillis(100));
		long started = System.nanoTime();
		Answer answer = PlatformCalls.get(this.upstreams.tmallBaseUrl() + "/rest/products/search",
				Map.of("q", "kettle", "ship_to", "IT"));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		assertThat(answer.body().get("code").asString()).isEqualTo("0");
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(100));
		assertThat(addedDelay(this.upstreams.tmallServer())).isEqualTo(100);
		this.upstreams.setLatency(Duration.ZERO);
		PlatformCalls.post(this.upstreams.aliExpressBaseUrl() + "/sync",
				Map.of("method", "aliexpress.affiliate.product.query", "keywords", "kettle", "ship_to_country", "DE"));
		assertThat(addedDelay(this.upstreams.aliExpressServer())).isZero();
	}

	private static int addedDelay(WireMockServer server) {
		return server.getAllServeEvents().get(0).getTiming().getAddedDelay();
	}

	@Test
	void shouldLetStubsAddedByTestsWinOverTheCatalog() {
		this.upstreams.aliExpressServer()
			.stubFor(post(urlPathEqualTo("/sync")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatIllegalStateException().isThrownBy(() -> PlatformCalls.post(
				this.upstreams.aliExpressBaseUrl() + "/sync",
				Map.of("method", "aliexpress.affiliate.product.query", "keywords", "kettle", "ship_to_country", "DE")));
		this.upstreams.reset();
		Answer answer = PlatformCalls.post(this.upstreams.aliExpressBaseUrl() + "/sync",
				Map.of("method", "aliexpress.affiliate.product.query", "keywords", "kettle", "ship_to_country", "DE"));
		assertThat(answer.body().has("aliexpress_affiliate_product_query_response")).isTrue();
	}

	@Test
	void shouldServeTheCatalogAgainAfterResetAll() {
		this.upstreams.tmallServer().resetAll();
		this.upstreams.reset();
		Answer answer = PlatformCalls.get(this.upstreams.tmallBaseUrl() + "/rest/products/search",
				Map.of("q", "kettle", "ship_to", "IT"));
		assertThat(answer.body().get("code").asString()).isEqualTo("0");
		assertThat(this.upstreams.tmallServer().findAll(anyRequestedFor(anyUrl()))).hasSize(1);
	}

}
