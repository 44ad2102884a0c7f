package eu.tmall.gateway.embedded;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import eu.tmall.gateway.embedded.PlatformCalls.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class TmallEuropeUpstreamTests {

	private static final Credentials CREDENTIALS = new Credentials("tmall-test-key", "tmall-test-secret");

	private static EmbeddedUpstreams upstreams;

	private static EmbeddedCatalog catalog;

	@BeforeAll
	static void start() {
		upstreams = EmbeddedUpstreams.start(new EmbeddedUpstreamsSettings(0, 0, Duration.ZERO, true, CREDENTIALS,
				new Credentials("ae-key", "ae-secret")), EmbeddedCatalog.generate());
		catalog = upstreams.catalog();
	}

	@AfterAll
	static void stop() {
		upstreams.close();
	}

	@Test
	void shouldReturnTheListingOfASignedGtinLookupPricedForTheDestination() {
		TmallItem item = inWarehouse("DE");
		Answer answer = call("/products/gtin/get", Map.of("gtins", item.gtin13(), "ship_to", "ES"));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("application/json");
		assertThat(answer.body().get("code").asString()).isEqualTo("0");
		assertThat(answer.body().get("request_id").asString()).isNotBlank();
		JsonNode listing = answer.body().at("/data/products/0");
		assertThat(listing.get("item_id").asString()).isEqualTo(item.itemId());
		assertThat(listing.get("gtin").asString()).isEqualTo(item.gtin13());
		assertThat(listing.get("title").asString()).isEqualTo(item.title());
		assertThat(listing.get("brand_country").asString()).isEqualTo(item.brandCountry());
		assertThat(listing.get("price").asString()).isEqualTo(item.netPrice()
			.multiply(new BigDecimal("1.21"))
			.setScale(2, java.math.RoundingMode.HALF_UP)
			.toPlainString());
		assertThat(listing.get("currency").asString()).isEqualTo("EUR");
		assertThat(listing.get("url").asString()).isEqualTo("https://www.tmall.eu/item/" + item.itemId());
		assertThat(listing.get("warehouse_country").asString()).isEqualTo("DE");
		assertThat(totalDays(listing.get("delivery"))).satisfies((days) -> {
			assertThat(days[0]).isGreaterThanOrEqualTo(2);
			assertThat(days[1]).isLessThanOrEqualTo(5);
		});
	}

	@Test
	void shouldDeliverDomesticallyInOneOrTwoDaysForFree() {
		TmallItem item = inWarehouse("ES");
		JsonNode listing = call("/products/get", Map.of("item_ids", item.itemId(), "ship_to", "ES")).body()
			.at("/data/products/0");
		int[] days = totalDays(listing.get("delivery"));
		assertThat(days[0]).isGreaterThanOrEqualTo(1);
		assertThat(days[1]).isLessThanOrEqualTo(2);
		assertThat(listing.at("/delivery/shipping_fee").asString()).isEqualTo("0.00");
		assertThat(listing.at("/delivery/carrier").asString()).isEqualTo(item.carrier());
	}

	@Test
	void shouldMatchGtinsNormalisedTo14Digits() {
		TmallItem item = catalog.tmallItems().get(3);
		JsonNode products = call("/products/gtin/get", Map.of("gtins", "0" + item.gtin13(), "ship_to", "FR")).body()
			.at("/data/products");
		assertThat(products).hasSize(1);
		assertThat(products.get(0).get("item_id").asString()).isEqualTo(item.itemId());
	}

	@Test
	void shouldOmitUnknownIdsAndKeepTheRequestedOrder() {
		List<TmallItem> items = catalog.tmallItems();
		String ids = String.join(",", items.get(9).itemId(), "TE0000001", items.get(2).itemId(), "nonsense",
				items.get(5).itemId());
		JsonNode products = call("/products/get", Map.of("item_ids", ids, "ship_to", "PL")).body().at("/data/products");
		assertThat(products).extracting((product) -> product.get("item_id").asString())
			.containsExactly(items.get(9).itemId(), items.get(2).itemId(), items.get(5).itemId());
	}

	@Test
	void shouldRefuseAWrongSignature() {
		Map<String, String> parameters = PlatformCalls.signed(CREDENTIALS, "/products/get",
				Map.of("item_ids", "TE1000005", "ship_to", "DE"));
		parameters.put("sign", "0".repeat(64));
		Answer answer = PlatformCalls.get(upstreams.tmallBaseUrl() + "/rest/products/get", parameters);
		assertError(answer, "IncompleteSignature");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("message").asString())
			.isEqualTo("The request signature does not conform to platform standards");
	}

	@Test
	void shouldRefuseASignatureOverAnotherPath() {
		Map<String, String> parameters = PlatformCalls.signed(CREDENTIALS, "/products/search",
				Map.of("item_ids", "TE1000005", "ship_to", "DE"));
		assertError(PlatformCalls.get(upstreams.tmallBaseUrl() + "/rest/products/get", parameters),
				"IncompleteSignature");
	}

	@Test
	void shouldRefuseAnUnknownAppKey() {
		Map<String, String> parameters = PlatformCalls.signed(new Credentials("someone-else", "tmall-test-secret"),
				"/products/get", Map.of("item_ids", "TE1000005", "ship_to", "DE"));
		assertError(PlatformCalls.get(upstreams.tmallBaseUrl() + "/rest/products/get", parameters), "InvalidAppKey");
	}

	@Test
	void shouldRefuseMoreThanFiftyIds() {
		String ids = String.join(",", IntStream.range(0, 51).mapToObj((i) -> "TE" + (2000000 + i)).toList());
		Answer answer = call("/products/get", Map.of("item_ids", ids, "ship_to", "DE"));
		assertError(answer, "InvalidParameter");
		assertThat(answer.body().get("message").asString()).isEqualTo("item_ids: at most 50 values");
	}

	@Test
	void shouldRefuseMalformedGtinsAndMissingParameters() {
		assertError(call("/products/gtin/get", Map.of("gtins", "12345", "ship_to", "DE")), "InvalidParameter");
		Answer missing = call("/products/get", Map.of("item_ids", "TE1000005"));
		assertError(missing, "MissingParameter");
		assertThat(missing.body().get("message").asString()).contains("ship_to");
		assertError(call("/products/search", Map.of("q", "headphones", "ship_to", "DE", "limit", "51")),
				"InvalidParameter");
		assertError(call("/products/search", Map.of("q", "headphones", "ship_to", "US")), "InvalidParameter");
	}

	@Test
	void shouldVisitEverySearchResultOnceWhenPaging() {
		List<String> visited = new ArrayList<>();
		int total = -1;
		for (int offset = 0; total < 0 || offset < total; offset += 7) {
			JsonNode data = call("/products/search",
					Map.of("q", "headphones", "ship_to", "ES", "offset", String.valueOf(offset), "limit", "7"))
				.body()
				.get("data");
			total = data.get("total_products").asInt();
			assertThat(data.get("offset").asInt()).isEqualTo(offset);
			data.get("products").forEach((product) -> visited.add(product.get("item_id").asString()));
		}
		assertThat(total).isGreaterThanOrEqualTo(30);
		assertThat(visited).hasSize(total)
			.doesNotHaveDuplicates()
			.containsExactlyElementsOf(
					catalog.searchTmall("headphones", null, null).stream().map(TmallItem::itemId).toList());
	}

	@Test
	void shouldFilterSearchByCategoryAndBrand() {
		JsonNode data = call("/products/search",
				Map.of("q", "wireless", "category", "Audio", "brand", "Jabra", "ship_to", "DK", "limit", "50"))
			.body()
			.get("data");
		assertThat(data.get("total_products").asInt()).isPositive();
		data.get("products").forEach((product) -> {
			assertThat(product.get("brand").asString()).isEqualTo("Jabra");
			assertThat(product.get("category").asString()).isEqualTo("Audio");
		});
	}

	@Test
	void shouldAnswerAnUnknownPathWith404AndTheErrorEnvelope() {
		Answer answer = call("/products/delete", Map.of("ship_to", "DE"));
		assertThat(answer.status()).isEqualTo(404);
		assertError(answer, "InvalidApiPath");
	}

	@Test
	void shouldRecordEveryCallInTheRequestJournal() {
		upstreams.tmallServer().resetRequests();
		call("/products/get", Map.of("item_ids", "TE1000005", "ship_to", "DE"));
		call("/products/get", Map.of("item_ids", "TE1000027", "ship_to", "DE"));
		assertThat(upstreams.tmallServer()
			.countRequestsMatching(getRequestedFor(urlPathEqualTo("/rest/products/get")).build())
			.getCount()).isEqualTo(2);
	}

	private static Answer call(String path, Map<String, String> parameters) {
		return PlatformCalls.get(upstreams.tmallBaseUrl() + "/rest" + path,
				PlatformCalls.signed(CREDENTIALS, path, parameters));
	}

	private static void assertError(Answer answer, String code) {
		assertThat(answer.body().get("code").asString()).isEqualTo(code);
		assertThat(answer.body().get("type").asString()).isEqualTo("ISV");
		assertThat(answer.body().get("request_id").asString()).isNotBlank();
		assertThat(answer.body().has("data")).isFalse();
	}

	private static TmallItem inWarehouse(String country) {
		return catalog.tmallItems()
			.stream()
			.filter((item) -> item.warehouseCountry().equals(country))
			.findFirst()
			.orElseThrow();
	}

	private static int[] totalDays(JsonNode delivery) {
		int dispatch = delivery.get("dispatch_days").asInt();
		return new int[] { dispatch + delivery.get("transit_min_days").asInt(),
				dispatch + delivery.get("transit_max_days").asInt() };
	}

}
