package eu.tmall.gateway.graphql;

import java.util.List;
import java.util.Map;

import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.embedded.AliExpressItem;
import eu.tmall.gateway.embedded.EmbeddedCatalog;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import eu.tmall.gateway.embedded.TmallItem;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code product}, {@code products} and {@code node} over HTTP, against the embedded
 * upstreams.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureHttpGraphQlTester
@Import(FixedClockConfiguration.class)
class ProductQueryTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private EmbeddedUpstreams upstreams;

	@Test
	void shouldAnswerTheReadmeQueryWithAnOfferFromEachMarketplace() {
		String gtin = sharedGtin("ES", "CN");
		TmallItem tmall = catalog().tmallItemByGtin(gtin).orElseThrow();

		this.graphQl.documentName("compare")
			.variable("gtin", gtin)
			.execute()
			.errors()
			.verify()
			.path("product.gtin")
			.entity(String.class)
			.isEqualTo(gtin)
			.path("product.title")
			.entity(String.class)
			.isEqualTo(tmall.title())
			.path("product.brand.name")
			.entity(String.class)
			.isEqualTo(tmall.brand())
			.path("product.offers[*].marketplace")
			.entityList(String.class)
			.hasSize(2)
			.contains("TMALL_EUROPE", "ALIEXPRESS")
			.path(offers("TMALL_EUROPE", "origin"))
			.entityList(String.class)
			.containsExactly("DOMESTIC")
			.path(offers("ALIEXPRESS", "origin"))
			.entityList(String.class)
			.containsExactly("CROSS_BORDER")
			.path(offers("ALIEXPRESS", "delivery.label"))
			.entityList(String.class)
			// no Accept-Language: in Spanish, the language of the destination
			.satisfies(labels -> assertThat(labels).singleElement()
				.asString()
				.matches("Envío desde China · \\d+–\\d+ días hábiles"))
			.path("product.offers[*].price.currency")
			.entityList(String.class)
			.containsExactly("EUR", "EUR")
			.path("search.edges")
			.entityList(Object.class)
			.hasSize(20)
			.path("search.edges[*].node.title")
			.entityList(String.class)
			.satisfies(titles -> assertThat(titles)
				.allSatisfy(title -> assertThat(title.toLowerCase()).contains("headphones")))
			.path("search.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void shouldLabelAnOfferFromAnotherEuCountryAsEu() {
		String gtin = sharedGtin("ES", "PL");

		this.graphQl.documentName("product")
			.variable("gtin", gtin)
			.variable("shipTo", "ES")
			.execute()
			.errors()
			.verify()
			.path(offers("ALIEXPRESS", "origin"))
			.entityList(String.class)
			.containsExactly("EU")
			.path(offers("ALIEXPRESS", "delivery.shipsFrom"))
			.entityList(String.class)
			.containsExactly("PL")
			.path(offers("ALIEXPRESS", "delivery.label"))
			.entityList(String.class)
			.satisfies(labels -> assertThat(labels).singleElement().asString().startsWith("Envío desde Polonia · "));
	}

	@Test
	void shouldDescribeEveryFieldOfAnOffer() {
		TmallItem item = catalog().tmallItems()
			.stream()
			.filter(candidate -> candidate.warehouseCountry().equals("DE"))
			.findFirst()
			.orElseThrow();

		Map<String, Object> offer = this.graphQl.documentName("product")
			.variable("gtin", item.gtin13())
			.variable("shipTo", "DE")
			.execute()
			.errors()
			.verify()
			.path("product.offers[?(@.marketplace == 'TMALL_EUROPE')]")
			.entityList(Map.class)
			.get()
			.get(0);

		assertThat(offer).containsEntry("marketplace", "TMALL_EUROPE")
			.containsEntry("origin", "DOMESTIC")
			.containsEntry("seller", item.seller())
			.containsEntry("stock", item.stock());
		assertThat((Map<String, Object>) offer.get("delivery")).containsEntry("shipsFrom", "DE")
			.containsEntry("carrier", item.carrier())
			.containsKeys("earliestDate", "latestDate");
		assertThat((String) ((Map<String, Object>) offer.get("price")).get("amount")).matches("\\d+\\.\\d{2}");
	}

	@Test
	void shouldGiveTheOneOfferOfAProductSoldOnOneMarketplaceOnly() {
		TmallItem tmallOnly = catalog().tmallItems()
			.stream()
			.filter(item -> catalog().aliExpressItemByGtin(item.gtin13()).isEmpty())
			.findFirst()
			.orElseThrow();
		AliExpressItem aliExpressOnly = catalog().aliExpressItems()
			.stream()
			.filter(item -> catalog().tmallItemByGtin(item.ean13()).isEmpty())
			.findFirst()
			.orElseThrow();

		this.graphQl.documentName("products")
			.variable("gtins", List.of(tmallOnly.gtin13(), aliExpressOnly.ean13()))
			.variable("shipTo", "FR")
			.execute()
			.errors()
			.verify()
			.path("products[0].offers[*].marketplace")
			.entityList(String.class)
			.containsExactly("TMALL_EUROPE")
			.path("products[1].offers[*].marketplace")
			.entityList(String.class)
			.containsExactly("ALIEXPRESS")
			.path("products[1].offers[0].origin")
			.entity(String.class)
			.isEqualTo(aliExpressOnly.shipsFromEurope() ? "EU" : "CROSS_BORDER");
	}

	@Test
	void shouldAnswerNullWithoutAnErrorForAGtinNeitherMarketplaceSells() {
		// GS1 prefix 760 (Switzerland): the embedded catalog sells only EU and Chinese
		// brands
		String unknown = "7601234567890";
		assertThat(catalog().tmallItemByGtin(unknown)).isEmpty();
		assertThat(catalog().aliExpressItemByGtin(unknown)).isEmpty();

		this.graphQl.documentName("product")
			.variable("gtin", unknown)
			.variable("shipTo", "ES")
			.execute()
			.errors()
			.verify()
			.path("product")
			.valueIsNull();
	}

	@Test
	void shouldKeepTheOrderOfTheGtinsAskedWithNullsForUnknownOnes() {
		String first = catalog().sharedGtins().get(3);
		String second = catalog().sharedGtins().get(7);

		this.graphQl.documentName("products")
			.variable("gtins", List.of(second, "7601234567890", first))
			.variable("shipTo", "IT")
			.execute()
			.errors()
			.verify()
			.path("products[0].gtin")
			.entity(String.class)
			.isEqualTo(second)
			.path("products[1]")
			.valueIsNull()
			.path("products[2].gtin")
			.entity(String.class)
			.isEqualTo(first)
			.path("products[2].offers")
			.entityList(Object.class)
			.hasSize(2);
	}

	@Test
	void shouldRefetchAProductAndAnOfferByTheirGlobalIds() {
		String gtin = sharedGtin("ES", "CN");
		String productId = this.graphQl.documentName("product")
			.variable("gtin", gtin)
			.variable("shipTo", "ES")
			.execute()
			.path("product.id")
			.entity(String.class)
			.get();

		String offerId = this.graphQl.documentName("node")
			.variable("id", productId)
			.execute()
			.errors()
			.verify()
			.path("node.__typename")
			.entity(String.class)
			.isEqualTo("Product")
			.path("node.gtin")
			.entity(String.class)
			.isEqualTo(gtin)
			.path("node.offers[?(@.marketplace == 'ALIEXPRESS')].id")
			.entityList(String.class)
			.get()
			.get(0);

		this.graphQl.documentName("node")
			.variable("id", offerId)
			.execute()
			.errors()
			.verify()
			.path("node.__typename")
			.entity(String.class)
			.isEqualTo("Offer")
			.path("node.marketplace")
			.entity(String.class)
			.isEqualTo("ALIEXPRESS")
			.path("node.delivery.shipsFrom")
			.entity(String.class)
			.isEqualTo("CN");
	}

	private EmbeddedCatalog catalog() {
		return this.upstreams.catalog();
	}

	/** A field of one marketplace's offers of {@code product}, as a JSONPath. */
	private static String offers(String marketplace, String field) {
		return "product.offers[?(@.marketplace == '%s')].%s".formatted(marketplace, field);
	}

	private String sharedGtin(String tmallWarehouse, String aliExpressShipsFrom) {
		return catalog().sharedGtins()
			.stream()
			.filter(gtin -> catalog().tmallItemByGtin(gtin).orElseThrow().warehouseCountry().equals(tmallWarehouse))
			.filter(gtin -> catalog().aliExpressItemByGtin(gtin)
				.orElseThrow()
				.shipFromCountry()
				.equals(aliExpressShipsFrom))
			.findFirst()
			.orElseThrow();
	}

}
