package eu.tmall.gateway.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One AliExpress call failing costs only what depended on it: the rest of the answer
 * comes back, with one error saying which upstream failed and why. Each test uses its own
 * destination so no cached answer hides the fault.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureHttpGraphQlTester
@Import(FixedClockConfiguration.class)
class PartialFailureTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private EmbeddedUpstreams upstreams;

	@Autowired
	private UpstreamChannels channels;

	/**
	 * The faults, and the failures they left in the breakers, which would otherwise count
	 * against the tests that share this context.
	 */
	@AfterEach
	void removeFaults() {
		this.upstreams.reset();
		for (Upstream upstream : Upstream.values()) {
			this.channels.resilience(upstream).breaker().reset();
		}
	}

	@Test
	void shouldKeepTheOfferWhenItsFreightCallIsRateLimited() {
		failAliExpressMethod("aliexpress.ds.freight.query", okJson("""
				{"error_response":{"type":"ISP","code":"ApiCallLimit",
				"msg":"Api access frequency exceeds the limit. this ban will last 1 seconds","request_id":"r"}}"""));
		String gtin = this.upstreams.catalog().sharedGtins().get(5);

		List<ResponseError> errors = new ArrayList<>();
		GraphQlTester.Traversable response = this.graphQl.documentName("productShipping")
			.variable("gtin", gtin)
			.variable("shipTo", "LU")
			.execute()
			.errors()
			.satisfy(errors::addAll);
		List<String> marketplaces = response.path("product.offers[*].marketplace").entityList(String.class).get();
		int tmall = marketplaces.indexOf("TMALL_EUROPE");
		int aliExpress = marketplaces.indexOf("ALIEXPRESS");

		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("code", "UPSTREAM_RATE_LIMITED")
				.containsEntry("upstream", "aliexpress");
			assertThat(error.getPath()).isEqualTo("product.offers[%d].shippingOptions".formatted(aliExpress));
		});
		response.path("product.offers[%d].shippingOptions".formatted(tmall))
			.entityList(Map.class)
			.hasSize(1)
			.path("product.offers[%d].price.amount".formatted(aliExpress))
			.hasValue()
			.path("product.offers[%d].shippingOptions".formatted(aliExpress))
			.valueIsNull();
		assertThat(marketplaces).containsExactlyInAnyOrder("TMALL_EUROPE", "ALIEXPRESS");
	}

	@Test
	void shouldSearchTmallEuropeWhenAliExpressSearchIsDown() {
		failAliExpressMethod("aliexpress.affiliate.product.query", aResponse().withStatus(503));

		this.graphQl.documentName("searchPage")
			.variable("query", "headphones")
			.variable("shipTo", "SI")
			.variable("first", 10)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getExtensions()).containsEntry("code", "UPSTREAM_UNAVAILABLE")
					.containsEntry("upstream", "aliexpress");
				assertThat(error.getMessage()).doesNotContain("sign=").doesNotContain("app_key");
			}))
			.path("search.edges")
			.entityList(Object.class)
			.hasSize(10)
			// found by Tmall Europe's search alone, so each has a Tmall Europe offer
			.path("search.edges[*].node.offers[?(@.marketplace == 'TMALL_EUROPE')].marketplace")
			.entityList(String.class)
			.hasSize(10);
	}

	private void failAliExpressMethod(String method,
			com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
		this.upstreams.aliExpressServer()
			.stubFor(post(urlPathEqualTo("/sync")).withFormParam("method", equalTo(method)).willReturn(response));
	}

}
