package eu.tmall.gateway.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import eu.tmall.gateway.NoBufferLeaks;
import eu.tmall.gateway.upstream.Upstream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault on every kind of call of each upstream: the other marketplace's data comes
 * back complete, the failure is one error with its code and upstream, the answer comes
 * within the deadline, retries happen only where they may help, and the next request is
 * answered normally.
 */
@ExtendWith(NoBufferLeaks.class)
class FaultMatrixTests extends ResilienceTestSupport {

	private static final String AE_SEARCH = "aliexpress.affiliate.product.query";

	private static final String AE_DETAIL = "aliexpress.affiliate.productdetail.get";

	private static final String AE_BY_EAN = "aliexpress.affiliate.product.ean.get";

	private static final String AE_FREIGHT = "aliexpress.ds.freight.query";

	static Stream<Arguments> cells() {
		List<Arguments> cells = new ArrayList<>();
		for (Call call : Call.values()) {
			for (Fault fault : Fault.values()) {
				if (fault != Fault.MISSING_IDS || call.batched()) {
					cells.add(Arguments.of(call, fault));
				}
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("cells")
	@SuppressWarnings("unchecked")
	void shouldKeepTheOtherMarketplaceWhateverTheFault(Call call, Fault fault) {
		Map<String, Object> variables = variables(call);
		WireMockServer server = server(call.upstream);
		if (fault == Fault.CONNECTION_REFUSED) {
			stop(call.upstream);
		}
		else {
			fault.stub(server, call);
		}

		Answer answer = query(call.document(), variables);

		assertThat(answer.took()).as("answered within the deadline").isLessThanOrEqualTo(DEADLINE.plus(SLACK));
		if (fault.code == null) {
			assertThat(answer.errors()).as(answer.body()).isEmpty();
		}
		else {
			assertThat(answer.errors()).as(answer.body()).singleElement().satisfies(error -> {
				assertThat(error).containsKey("path");
				assertThat((Map<String, Object>) error.get("extensions")).containsEntry("code", fault.code)
					.containsEntry("upstream", call.upstream.id());
				assertThat(String.valueOf(error.get("message"))).doesNotContain("sign=")
					.doesNotContain("app_key")
					.doesNotContain("Exception")
					.doesNotContain("localhost")
					.contains(fault.says);
			});
		}
		call.assertOtherComplete(answer, fault.code == null && fault != Fault.MISSING_IDS,
				fault == Fault.CONNECTION_REFUSED);
		if (fault != Fault.CONNECTION_REFUSED) {
			assertThat(server.countRequestsMatching(call.journal().build()).getCount()).as("attempts")
				.isEqualTo(fault.attempts(call));
		}

		recover();
		Answer after = query(call.document(), variables);
		assertThat(after.errors()).as(after.body()).isEmpty();
		call.assertOtherComplete(after, true, false);
	}

	private Map<String, Object> variables(Call call) {
		String gtin = sharedGtin(7);
		return switch (call) {
			case TMALL_SEARCH, ALIEXPRESS_SEARCH -> Map.of("query", "headphones", "shipTo", "DE");
			case TMALL_BY_ID, ALIEXPRESS_BY_ID -> offerIds(gtin);
			default -> Map.of("gtin", gtin, "shipTo", "DE");
		};
	}

	/** The node ids of both offers of a product, looked up before any fault. */
	private Map<String, Object> offerIds(String gtin) {
		Answer product = query(PRODUCT, Map.of("gtin", gtin, "shipTo", "DE"));
		List<String> tmall = product.read("$.data.product.offers[?(@.marketplace == 'TMALL_EUROPE')].id");
		List<String> aliExpress = product.read("$.data.product.offers[?(@.marketplace == 'ALIEXPRESS')].id");
		recover();
		return Map.of("a", tmall.get(0), "b", aliExpress.get(0));
	}

	private void stop(Upstream upstream) {
		if (upstream == Upstream.TMALL_EUROPE) {
			this.upstreams.stopTmall();
		}
		else {
			this.upstreams.stopAliExpress();
		}
	}

	private WireMockServer server(Upstream upstream) {
		return (upstream == Upstream.TMALL_EUROPE) ? this.upstreams.tmallServer() : this.upstreams.aliExpressServer();
	}

	enum Call {

		TMALL_SEARCH(Upstream.TMALL_EUROPE, "/rest/products/search"),
		TMALL_BY_GTIN(Upstream.TMALL_EUROPE, "/rest/products/gtin/get"),
		TMALL_BY_ID(Upstream.TMALL_EUROPE, "/rest/products/get"), ALIEXPRESS_SEARCH(Upstream.ALIEXPRESS, AE_SEARCH),
		ALIEXPRESS_BY_EAN(Upstream.ALIEXPRESS, AE_BY_EAN), ALIEXPRESS_BY_ID(Upstream.ALIEXPRESS, AE_DETAIL),
		ALIEXPRESS_FREIGHT(Upstream.ALIEXPRESS, AE_FREIGHT);

		final Upstream upstream;

		final String target;

		Call(Upstream upstream, String target) {
			this.upstream = upstream;
			this.target = target;
		}

		boolean batched() {
			return this == TMALL_BY_GTIN || this == TMALL_BY_ID || this == ALIEXPRESS_BY_EAN
					|| this == ALIEXPRESS_BY_ID;
		}

		String document() {
			return switch (this) {
				case TMALL_SEARCH, ALIEXPRESS_SEARCH -> SEARCH;
				case TMALL_BY_ID, ALIEXPRESS_BY_ID -> NODES;
				case ALIEXPRESS_FREIGHT -> FREIGHT;
				default -> PRODUCT;
			};
		}

		MappingBuilder matching() {
			return (this.upstream == Upstream.TMALL_EUROPE) ? get(urlPathEqualTo(this.target))
					: post(urlPathEqualTo("/sync")).withFormParam("method", equalTo(this.target));
		}

		RequestPatternBuilder journal() {
			return (this.upstream == Upstream.TMALL_EUROPE) ? getRequestedFor(urlPathEqualTo(this.target))
					: postRequestedFor(urlPathEqualTo("/sync")).withFormParam("method", equalTo(this.target));
		}

		String other() {
			return (this.upstream == Upstream.TMALL_EUROPE) ? "ALIEXPRESS" : "TMALL_EUROPE";
		}

		String failed() {
			return (this.upstream == Upstream.TMALL_EUROPE) ? "TMALL_EUROPE" : "ALIEXPRESS";
		}

		/**
		 * The other marketplace's part of the answer is all there; with {@code both}, the
		 * failed one's too (it recovered); with {@code whollyDown}, every call to the
		 * failed upstream failed, not only this one.
		 */
		void assertOtherComplete(Answer answer, boolean both, boolean whollyDown) {
			switch (this) {
				case TMALL_SEARCH, ALIEXPRESS_SEARCH -> {
					List<Object> edges = answer.read("$.data.search.edges[*]");
					assertThat(edges).as(answer.body()).hasSize(10);
				}
				case TMALL_BY_ID, ALIEXPRESS_BY_ID -> {
					String other = (this.upstream == Upstream.TMALL_EUROPE) ? "b" : "a";
					String failed = other.equals("a") ? "b" : "a";
					assertThat((Object) answer.read("$.data." + other + ".price.amount")).as(answer.body()).isNotNull();
					assertThat((Object) answer.read("$.data." + failed)).as(answer.body()).is(both ? NOT_NULL : NULL);
				}
				case ALIEXPRESS_FREIGHT -> {
					List<Object> tmall = answer
						.read("$.data.product.offers[?(@.marketplace == 'TMALL_EUROPE')].shippingOptions[*]");
					List<Object> prices = answer
						.read("$.data.product.offers[?(@.marketplace == 'ALIEXPRESS')].price.amount");
					List<Object> options = answer
						.read("$.data.product.offers[?(@.marketplace == 'ALIEXPRESS')].shippingOptions[*]");
					assertThat(tmall).as(answer.body()).isNotEmpty();
					assertThat(prices).as(answer.body()).hasSize(whollyDown ? 0 : 1);
					assertThat(options.isEmpty()).as(answer.body()).isEqualTo(!both);
				}
				default -> {
					List<Object> other = answer
						.read("$.data.product.offers[?(@.marketplace == '" + other() + "')].price.amount");
					List<Object> failed = answer
						.read("$.data.product.offers[?(@.marketplace == '" + failed() + "')].price.amount");
					assertThat(other).as(answer.body()).isNotEmpty().doesNotContainNull();
					assertThat(failed.isEmpty()).as(answer.body()).isEqualTo(!both);
				}
			}
		}

		private static final org.assertj.core.api.Condition<Object> NULL = new org.assertj.core.api.Condition<>(
				value -> value == null, "null");

		private static final org.assertj.core.api.Condition<Object> NOT_NULL = new org.assertj.core.api.Condition<>(
				value -> value != null, "not null");

	}

	/** A fault, the code its error must have (none: no error), and the attempts made. */
	enum Fault {

		CONNECTION_REFUSED("UPSTREAM_UNAVAILABLE", 0),

		CONNECTION_RESET("UPSTREAM_UNAVAILABLE", 3),

		DELAY_PAST_TIMEOUT("UPSTREAM_TIMEOUT", 1),

		HTTP_500("UPSTREAM_UNAVAILABLE", 1),

		HTTP_503_THEN_SUCCESS(null, 2),

		// Tmall Europe's says nothing of how long to wait: retried after the backoff.
		// AliExpress's bans for 4 s, as long as the deadline: not retried at all
		RATE_LIMIT("UPSTREAM_RATE_LIMITED", 3),

		RETRY_AFTER_PAST_DEADLINE("UPSTREAM_RATE_LIMITED", 1, "called again in 30 s"),

		MALFORMED_JSON("UPSTREAM_BAD_RESPONSE", 1),

		EMPTY_BODY("UPSTREAM_BAD_RESPONSE", 1),

		WRONG_CONTENT_TYPE("UPSTREAM_BAD_RESPONSE", 1),

		MISSING_IDS(null, 1),

		VERY_LARGE_RESPONSE("UPSTREAM_BAD_RESPONSE", 1);

		final @Nullable String code;

		final int attempts;

		/** What the error's message must say. */
		final String says;

		Fault(@Nullable String code, int attempts) {
			this(code, attempts, "");
		}

		Fault(@Nullable String code, int attempts, String says) {
			this.code = code;
			this.attempts = attempts;
			this.says = says;
		}

		int attempts(Call call) {
			return (this == RATE_LIMIT && call.upstream == Upstream.ALIEXPRESS) ? 1 : this.attempts;
		}

		void stub(WireMockServer server, Call call) {
			if (this == HTTP_503_THEN_SUCCESS) {
				// once recovered, no stub of the scenario matches and the catalog answers
				server.stubFor(call.matching()
					.inScenario("flaky")
					.whenScenarioStateIs(Scenario.STARTED)
					.willReturn(aResponse().withStatus(503))
					.willSetStateTo("recovered"));
				return;
			}
			server.stubFor(call.matching().willReturn(response(call)));
		}

		private ResponseDefinitionBuilder response(Call call) {
			boolean tmall = call.upstream == Upstream.TMALL_EUROPE;
			return switch (this) {
				case CONNECTION_RESET ->
					aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
				case DELAY_PAST_TIMEOUT -> okJson("{}").withFixedDelay(10_000);
				case HTTP_500 -> aResponse().withStatus(500).withBody("java.lang.NullPointerException at com.example");
				case RATE_LIMIT -> okJson(tmall ? """
						{"type":"ISP","code":"ApiCallLimit","message":"call limit","request_id":"r"}"""
						: """
								{"error_response":{"type":"ISP","code":"ApiCallLimit",
								"msg":"Api access frequency exceeds the limit. this ban will last 4 seconds","request_id":"r"}}""");
				case RETRY_AFTER_PAST_DEADLINE -> aResponse().withStatus(429).withHeader("Retry-After", "30");
				case MALFORMED_JSON -> okJson("{\"code\":\"0\",\"data\":{\"products\":[{\"item_id\":");
				case EMPTY_BODY -> aResponse().withStatus(200).withHeader("Content-Type", "application/json");
				case WRONG_CONTENT_TYPE -> aResponse().withStatus(200)
					.withHeader("Content-Type", "text/html")
					.withBody("<html><body>Down for maintenance</body></html>");
				case MISSING_IDS -> okJson(tmall ? "{\"code\":\"0\",\"data\":{\"products\":[]},\"request_id\":\"r\"}"
						: "{\"%s\":{\"resp_result\":{\"resp_code\":200,\"resp_msg\":\"ok\",\"result\":{\"products\":{\"product\":[]}}}}}"
							.formatted("aliexpress_" + call.target.substring("aliexpress.".length()).replace('.', '_')
									+ "_response"));
				case VERY_LARGE_RESPONSE -> okJson(
						"{\"code\":\"0\",\"data\":{\"products\":[],\"padding\":\"" + "x".repeat(512 * 1024) + "\"}}");
				default -> throw new IllegalStateException(name() + " is not a stubbed response");
			};
		}

	}

}
