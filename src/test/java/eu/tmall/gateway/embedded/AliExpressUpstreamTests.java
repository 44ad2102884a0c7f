package eu.tmall.gateway.embedded;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import eu.tmall.gateway.embedded.PlatformCalls.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AliExpressUpstreamTests {

	private static final Credentials CREDENTIALS = new Credentials("ae-test-key", "ae-test-secret");

	private static final String EAN_METHOD = "aliexpress.affiliate.product.ean.get";

	private static EmbeddedUpstreams upstreams;

	private static EmbeddedCatalog catalog;

	@BeforeAll
	static void start() {
		upstreams = EmbeddedUpstreams.start(new EmbeddedUpstreamsSettings(0, 0, Duration.ZERO, true,
				new Credentials("tmall-key", "tmall-secret"), CREDENTIALS), EmbeddedCatalog.generate());
		catalog = upstreams.catalog();
	}

	@AfterAll
	static void stop() {
		upstreams.close();
	}

	@Test
	void shouldAnswerASignedEanLookupUnderTheMethodsResponseKey() {
		AliExpressItem item = catalog.aliExpressItemByGtin(catalog.sharedGtins().get(0)).orElseThrow();
		Answer answer = call(EAN_METHOD, Map.of("ean_codes", "0" + item.ean13(), "ship_to_country", "IT"));
		assertThat(answer.status()).isEqualTo(200);
		JsonNode response = answer.body().get("aliexpress_affiliate_product_ean_get_response");
		assertThat(response.get("request_id").asString()).isNotBlank();
		assertThat(response.at("/resp_result/resp_code").asInt()).isEqualTo(200);
		assertThat(response.at("/resp_result/resp_msg").asString()).isEqualTo("Call succeeds");
		assertThat(response.at("/resp_result/result/current_record_count").asInt()).isEqualTo(1);
		JsonNode product = response.at("/resp_result/result/products/product/0");
		assertThat(product.get("product_id").asLong()).isEqualTo(item.productId());
		assertThat(product.get("ean").asString()).isEqualTo(item.ean13());
		assertThat(product.get("product_title").asString()).isEqualTo(item.title());
		assertThat(product.get("target_sale_price").asString()).isEqualTo(gross(item.netPrice(), "1.22"));
		assertThat(product.get("target_original_price").asString()).isEqualTo(gross(item.originalNetPrice(), "1.22"));
		assertThat(product.get("target_sale_price_currency").asString()).isEqualTo("EUR");
		assertThat(product.get("product_main_image_url").asString()).isEqualTo(item.images().get(0));
		assertThat(product.at("/product_small_image_urls/string")).hasSize(item.images().size() - 1);
		assertThat(product.at("/default_delivery/ship_from_country").asString()).isEqualTo(item.shipFromCountry());
	}

	@Test
	void shouldOmitUnknownProductIds() {
		List<AliExpressItem> items = catalog.aliExpressItems();
		String ids = items.get(700).productId() + ",1," + items.get(40).productId();
		JsonNode result = call("aliexpress.affiliate.productdetail.get",
				Map.of("product_ids", ids, "ship_to_country", "FR"))
			.body()
			.at("/aliexpress_affiliate_productdetail_get_response/resp_result/result");
		assertThat(result.get("current_record_count").asInt()).isEqualTo(2);
		assertThat(result.at("/products/product")).extracting((product) -> product.get("product_id").asLong())
			.containsExactly(items.get(700).productId(), items.get(40).productId());
	}

	@Test
	void shouldRefuseMoreThanTwentyProductIds() {
		String ids = String.join(",",
				IntStream.range(0, 21).mapToObj((i) -> String.valueOf(1005005100000000L + i)).toList());
		Answer answer = call("aliexpress.affiliate.productdetail.get",
				Map.of("product_ids", ids, "ship_to_country", "FR"));
		JsonNode error = assertError(answer, "isv.invalid-parameter");
		assertThat(error.get("msg").asString()).isEqualTo("product_ids: at most 20 values");
	}

	@Test
	void shouldRefuseAWrongSignature() {
		Map<String, String> parameters = PlatformCalls.signed(CREDENTIALS, "",
				Map.of("method", EAN_METHOD, "ean_codes", "4006381333931", "ship_to_country", "FR"));
		parameters.put("ship_to_country", "DE");
		JsonNode error = assertError(PlatformCalls.post(upstreams.aliExpressBaseUrl() + "/sync", parameters),
				"IncompleteSignature");
		assertThat(error.get("msg").asString())
			.isEqualTo("The request signature does not conform to platform standards");
	}

	@Test
	void shouldRefuseUnknownMethodsAndCurrencies() {
		assertError(call("aliexpress.affiliate.order.get", Map.of()), "InvalidMethod");
		assertError(
				call(EAN_METHOD,
						Map.of("ean_codes", "4006381333931", "ship_to_country", "FR", "target_currency", "USD")),
				"isv.invalid-parameter");
	}

	@Test
	void shouldVisitEveryQueryResultOnceWhenPaging() {
		List<Long> visited = new ArrayList<>();
		int total = -1;
		for (int page = 1; total < 0 || visited.size() < total; page++) {
			JsonNode result = call("aliexpress.affiliate.product.query",
					Map.of("keywords", "Headphones", "page_no", String.valueOf(page), "page_size", "9",
							"ship_to_country", "ES"))
				.body()
				.at("/aliexpress_affiliate_product_query_response/resp_result/result");
			total = result.get("total_record_count").asInt();
			assertThat(result.get("current_page_no").asInt()).isEqualTo(page);
			assertThat(result.get("current_record_count").asInt()).isEqualTo(result.at("/products/product").size())
				.isPositive();
			result.at("/products/product").forEach((product) -> visited.add(product.get("product_id").asLong()));
		}
		assertThat(total).isGreaterThanOrEqualTo(30);
		assertThat(visited).doesNotHaveDuplicates()
			.containsExactlyElementsOf(
					catalog.searchAliExpress("headphones").stream().map(AliExpressItem::productId).toList());
	}

	@Test
	void shouldListTheDefaultDeliveryFirstInFreight() {
		AliExpressItem item = catalog.aliExpressItems()
			.stream()
			.filter((product) -> !product.shipsFromEurope())
			.findFirst()
			.orElseThrow();
		JsonNode detail = call("aliexpress.affiliate.productdetail.get",
				Map.of("product_ids", String.valueOf(item.productId()), "ship_to_country", "PL"))
			.body()
			.at("/aliexpress_affiliate_productdetail_get_response/resp_result/result/products/product/0/default_delivery");
		JsonNode options = call("aliexpress.ds.freight.query",
				Map.of("product_id", String.valueOf(item.productId()), "ship_to_country", "PL"))
			.body()
			.at("/aliexpress_ds_freight_query_response/resp_result/result/delivery_options/delivery_option");
		assertThat(options.size()).isBetween(2, 3);
		assertThat(options.get(0)).isEqualTo(detail);
		assertThat(options.get(1).get("service_name").asString()).isEqualTo("AliExpress Premium Shipping");
		assertThat(options.get(1).get("min_delivery_days").asInt()).isEqualTo(5);
	}

	@Test
	void shouldRefuseFreightOfAnUnknownProduct() {
		JsonNode error = assertError(
				call("aliexpress.ds.freight.query", Map.of("product_id", "42", "ship_to_country", "PL")),
				"isv.product-not-found");
		assertThat(error.get("type").asString()).isEqualTo("ISV");
	}

	@Test
	void shouldDeliverFromAnEuWarehouseSoonerToItsOwnCountry() {
		AliExpressItem item = catalog.aliExpressItems()
			.stream()
			.filter((product) -> product.shipFromCountry().equals("PL"))
			.findFirst()
			.orElseThrow();
		JsonNode toPoland = defaultDelivery(item, "PL");
		JsonNode toSpain = defaultDelivery(item, "ES");
		assertThat(toPoland.get("min_delivery_days").asInt()).isEqualTo(2);
		assertThat(toPoland.get("max_delivery_days").asInt()).isBetween(3, 4);
		assertThat(toSpain.get("min_delivery_days").asInt()).isBetween(3, 7);
		assertThat(toSpain.get("max_delivery_days").asInt()).isBetween(3, 7);
	}

	@Test
	void shouldAcceptParametersInTheQueryString() {
		AliExpressItem item = catalog.aliExpressItems().get(1000);
		Map<String, String> parameters = PlatformCalls.signed(CREDENTIALS, "",
				Map.of("method", EAN_METHOD, "ean_codes", item.ean13(), "ship_to_country", "NL"));
		Answer answer = PlatformCalls.get(upstreams.aliExpressBaseUrl() + "/sync", parameters);
		assertThat(answer.body()
			.at("/aliexpress_affiliate_product_ean_get_response/resp_result/result/products/product/0/product_id")
			.asLong()).isEqualTo(item.productId());
	}

	@Test
	void shouldAnswerAnUnknownPathWith404AndTheErrorEnvelope() {
		Answer answer = PlatformCalls.post(upstreams.aliExpressBaseUrl() + "/router/rest",
				PlatformCalls.signed(CREDENTIALS, "", Map.of("method", EAN_METHOD)));
		assertThat(answer.status()).isEqualTo(404);
		assertError(answer, "InvalidApiPath");
	}

	private JsonNode defaultDelivery(AliExpressItem item, String shipTo) {
		return call(EAN_METHOD, Map.of("ean_codes", item.ean13(), "ship_to_country", shipTo)).body()
			.at("/aliexpress_affiliate_product_ean_get_response/resp_result/result/products/product/0/default_delivery");
	}

	private static Answer call(String method, Map<String, String> parameters) {
		Map<String, String> all = new HashMap<>(parameters);
		all.put("method", method);
		return PlatformCalls.post(upstreams.aliExpressBaseUrl() + "/sync", PlatformCalls.signed(CREDENTIALS, "", all));
	}

	private static JsonNode assertError(Answer answer, String code) {
		JsonNode error = answer.body().get("error_response");
		assertThat(answer.body().size()).isEqualTo(1);
		assertThat(error.get("code").asString()).isEqualTo(code);
		assertThat(error.get("request_id").asString()).isNotBlank();
		return error;
	}

	private static String gross(BigDecimal net, String factor) {
		return net.multiply(new BigDecimal(factor)).setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

}
