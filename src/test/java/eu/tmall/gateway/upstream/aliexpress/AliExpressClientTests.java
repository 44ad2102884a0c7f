package eu.tmall.gateway.upstream.aliexpress;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
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

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AliExpressClientTests {

	private static final String SECRET = "test-secret";

	private static final String PRODUCT = """
			{"product_id":1005006123456789,"ean":"6901234567892","product_title":"Baseus Bowie H1 Wireless Headphones",
			 "target_sale_price":"17.20","target_sale_price_currency":"EUR","target_original_price":"34.40",
			 "shop_name":"Baseus Official Store","available_stock":500,
			 "product_detail_url":"https://www.aliexpress.com/item/1005006123456789.html",
			 "product_small_image_urls":{"string":["https://ae01/2.jpg"]},
			 "default_delivery":{"ship_from_country":"CN","service_name":"AliExpress Selection Standard",
			 "min_delivery_days":8,"max_delivery_days":15,"shipping_fee":"0.00","shipping_fee_currency":"EUR"}}""";

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private AliExpressClient client;

	@BeforeEach
	void start() {
		this.server.start();
		UpstreamConnection connection = new UpstreamConnection(URI.create(this.server.baseUrl()), "app-2", SECRET);
		UpstreamsProperties.Endpoint endpoint = new UpstreamsProperties.Endpoint(null, null, null,
				Duration.ofSeconds(1), Duration.ofSeconds(5));
		this.client = new AliExpressClient(UpstreamChannel.open(Upstream.ALIEXPRESS, WebClient.builder(), connection,
				endpoint, JsonMapper.builder().build(),
				Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC)));
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void shouldSendSignedFormPostsAndOpenTheMethodsEnvelope() {
		stubResult(AliExpressClient.BY_EAN,
				"{\"current_record_count\":1,\"products\":{\"product\":[" + PRODUCT + "]}}");

		List<AliExpressProduct> found = this.client.findByEans(List.of("6901234567892"), "ES").collectList().block();

		assertThat(found).singleElement().satisfies(product -> {
			assertThat(product.productId()).isEqualTo(1005006123456789L);
			assertThat(product.defaultDelivery().maxDeliveryDays()).isEqualTo(15);
		});
		Map<String, String> params = form(this.server.findAll(postRequestedFor(urlPathEqualTo("/sync"))).get(0));
		assertThat(params).containsEntry("method", AliExpressClient.BY_EAN)
			.containsEntry("app_key", "app-2")
			.containsEntry("ean_codes", "6901234567892")
			.containsEntry("ship_to_country", "ES")
			.containsEntry("timestamp", "1795773600000");
		assertThat(params.get("sign")).isEqualTo(ApiSigner.sign(SECRET, "", params));
	}

	@Test
	void shouldSplitLookupsAtTwentyIds() {
		stubResult(AliExpressClient.DETAIL, "{\"current_record_count\":0,\"products\":{\"product\":[]}}");
		List<String> ids = IntStream.range(0, 45).mapToObj(i -> String.valueOf(1000 + i)).toList();

		this.client.findByIds(ids, "PL").collectList().block();

		assertThat(this.server.findAll(postRequestedFor(urlPathEqualTo("/sync")))).hasSize(3)
			.allSatisfy(request -> assertThat(form(request).get("product_ids").split(","))
				.hasSizeLessThanOrEqualTo(AliExpressClient.MAX_BATCH));
	}

	@Test
	void shouldReadEveryFreightOption() {
		stubResult(AliExpressClient.FREIGHT, """
				{"delivery_options":{"delivery_option":[
				 {"ship_from_country":"CN","service_name":"AliExpress Selection Standard","min_delivery_days":6,
				  "max_delivery_days":12,"shipping_fee":"0.00","shipping_fee_currency":"EUR"},
				 {"ship_from_country":"CN","service_name":"AliExpress Premium Shipping","min_delivery_days":5,
				  "max_delivery_days":9,"shipping_fee":"6.99","shipping_fee_currency":"EUR"}]}}""");

		List<AliExpressDeliveryOption> options = this.client.freight("1005006123456789", "ES").collectList().block();

		assertThat(options).extracting(AliExpressDeliveryOption::serviceName)
			.containsExactly("AliExpress Selection Standard", "AliExpress Premium Shipping");
	}

	@Test
	void shouldReportARefusedSignatureAsAnAuthFailure() {
		stubError("ISV", "IncompleteSignature", "The request signature does not conform to platform standards");

		assertThatExceptionOfType(UpstreamException.class)
			.isThrownBy(() -> this.client.findByIds(List.of("1"), "ES").blockLast())
			.satisfies(ex -> assertThat(ex.kind()).isEqualTo(Kind.AUTH))
			.withMessageContaining("refused the request signature");
	}

	@Test
	void shouldRecogniseTheCallRateLimit() {
		stubError("ISP", "ApiCallLimit", "Api access frequency exceeds the limit. this ban will last 1 seconds");

		assertThatExceptionOfType(UpstreamException.class)
			.isThrownBy(() -> this.client.findByIds(List.of("1"), "ES").blockLast())
			.satisfies(ex -> assertThat(ex.kind()).isEqualTo(Kind.RATE_LIMITED))
			.satisfies(ex -> assertThat(ex.retryAfter()).as("the ban it names").isEqualTo(Duration.ofSeconds(1)));
	}

	@Test
	void shouldRefuseAnAnswerForAnotherMethod() {
		this.server.stubFor(post(urlPathEqualTo("/sync")).withRequestBody(containing("productdetail"))
			.willReturn(okJson("{\"aliexpress_affiliate_product_query_response\":{\"resp_result\":{}}}")));

		assertThatExceptionOfType(UpstreamException.class)
			.isThrownBy(() -> this.client.findByIds(List.of("1"), "ES").blockLast())
			.satisfies(ex -> assertThat(ex.kind()).isEqualTo(Kind.BAD_RESPONSE));
	}

	@Test
	void shouldReportAResultOfTheWrongShapeAsABadResponse() {
		stubResult(AliExpressClient.QUERY, "{\"total_record_count\":\"many\",\"products\":{\"product\":7}}");

		assertThatExceptionOfType(UpstreamException.class)
			.isThrownBy(() -> this.client.search("headphones", "ES", 1, 20).block())
			.satisfies(ex -> assertThat(ex.kind()).isEqualTo(Kind.BAD_RESPONSE))
			.satisfies(ex -> assertThat(ex.upstream()).isEqualTo(Upstream.ALIEXPRESS));
	}

	private void stubResult(String method, String result) {
		this.server.stubFor(post(urlPathEqualTo("/sync")).withRequestBody(containing(method))
			.willReturn(okJson("{\"" + AliExpressEnvelope.responseKey(method)
					+ "\":{\"resp_result\":{\"resp_code\":200,\"resp_msg\":\"Call succeeds\",\"result\":" + result
					+ "},\"request_id\":\"r1\"}}")));
	}

	private void stubError(String type, String code, String message) {
		this.server.stubFor(post(urlPathEqualTo("/sync")).willReturn(okJson("{\"error_response\":{\"type\":\"" + type
				+ "\",\"code\":\"" + code + "\",\"msg\":\"" + message + "\",\"request_id\":\"r2\"}}")));
	}

	private static Map<String, String> form(LoggedRequest request) {
		Map<String, String> params = new TreeMap<>();
		for (String pair : request.getBodyAsString().split("&")) {
			String[] nameValue = pair.split("=", 2);
			params.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
					URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
		}
		return params;
	}

}
