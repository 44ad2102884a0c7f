package eu.tmall.gateway.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as an Apollo Federation v2 subgraph: {@code _entities} resolves products by
 * their GTIN through the same batched DataLoaders as {@code products}, with an error per
 * representation it cannot use, and {@code _service} serves the subgraph schema. Each
 * test asks for its own destination, so the shared caches start cold for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureHttpGraphQlTester
@Import(FixedClockConfiguration.class)
class FederationTests {

	@Autowired
	private HttpGraphQlTester http;

	private HttpGraphQlTester graphQl;

	@Autowired
	private EmbeddedUpstreams upstreams;

	@Autowired
	private UpstreamChannels channels;

	private UpstreamCalls calls;

	@BeforeEach
	void resetJournals() {
		// a cold context's first queries, on a machine that may be busy
		this.graphQl = this.http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
		this.upstreams.reset();
		this.calls = new UpstreamCalls(this.upstreams);
	}

	@AfterEach
	void resetBreakers() {
		this.upstreams.reset();
		for (Upstream upstream : Upstream.values()) {
			this.channels.resilience(upstream).breaker().reset();
		}
	}

	@Test
	void shouldResolveFiftyProductsWithOneTmallCallAndThreeAliExpressCalls() {
		List<String> gtins = this.upstreams.catalog().sharedGtins().subList(200, 250);

		List<Object> entities = this.graphQl.documentName("entitiesOffers")
			.variable("representations", representations(gtins))
			.variable("shipTo", "FI")
			.execute()
			.errors()
			.verify()
			.path("_entities")
			.entityList(Object.class)
			.hasSize(50)
			.get();

		assertThat(this.calls.tmall("/products/gtin/get")).isEqualTo(1);
		assertThat(this.calls.aliExpress("aliexpress.affiliate.product.ean.get")).isEqualTo(3);
		assertThat(this.calls.total()).isEqualTo(4);
		List<Object> products = this.graphQl.documentName("productsOffers")
			.variable("gtins", gtins)
			.variable("shipTo", "FI")
			.execute()
			.errors()
			.verify()
			.path("products")
			.entityList(Object.class)
			.get();
		assertThat(entities).isEqualTo(products);
	}

	@Test
	void shouldAnswerTheOffersOfTheRootFieldsDestinationWhenAFieldNamesNone() {
		String gtin = this.upstreams.catalog().sharedGtins().get(250);

		List<Object> implicit = this.graphQl
			.document("{ product(gtin: \"%s\", shipTo: \"SI\") { offers { id price { amount } } } }".formatted(gtin))
			.execute()
			.errors()
			.verify()
			.path("product.offers")
			.entityList(Object.class)
			.get();
		int calls = this.calls.total();
		List<Object> explicit = this.graphQl
			.document("{ product(gtin: \"%s\", shipTo: \"SI\") { offers(shipTo: \"SI\") { id price { amount } } } }"
				.formatted(gtin))
			.execute()
			.errors()
			.verify()
			.path("product.offers")
			.entityList(Object.class)
			.get();

		assertThat(implicit).isNotEmpty().isEqualTo(explicit);
		assertThat(calls).isEqualTo(2);
		assertThat(this.calls.total()).isEqualTo(calls);
	}

	@Test
	void shouldQuoteAReferencedProductInTheCurrencyAFieldAsksFor() {
		String gtin = this.upstreams.catalog().sharedGtins().get(251);

		this.graphQl.documentName("entitiesOffersCurrency")
			.variable("representations", representations(List.of(gtin)))
			.variable("shipTo", "SE")
			.variable("currency", "SEK")
			.execute()
			.errors()
			.verify()
			.path("_entities[0].bestOffer.price.currency")
			.entity(String.class)
			.isEqualTo("SEK")
			.path("_entities[0].comparison.cheapest.price.currency")
			.entity(String.class)
			.isEqualTo("SEK");
	}

	@Test
	void shouldRequireADestinationForTheOffersOfAReferencedProduct() {
		String gtin = this.upstreams.catalog().sharedGtins().get(252);

		this.graphQl.documentName("entitiesTitle")
			.variable("representations", representations(List.of(gtin)))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getPath()).isEqualTo("_entities[0].offers");
				assertThat(error.getMessage()).contains("shipTo");
				assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
			}))
			.path("_entities[0]")
			.valueIsNull();
	}

	@Test
	void shouldAnswerAnErrorForEachRepresentationItCannotUse() {
		String gtin = this.upstreams.catalog().sharedGtins().get(253);
		List<Map<String, Object>> representations = List.of(Map.of("__typename", "Product", "gtin", gtin),
				Map.of("__typename", "Product", "gtin", "4006381333932"), Map.of("__typename", "Product"),
				Map.of("__typename", "Product", "gtin", 4006381333931L), Map.of("__typename", "Review", "id", "r1"),
				Map.of("gtin", gtin));

		List<ResponseError> errors = new ArrayList<>();
		this.graphQl.documentName("entitiesOffers")
			.variable("representations", representations)
			.variable("shipTo", "HR")
			.execute()
			.errors()
			.satisfy(errors::addAll)
			.path("_entities[0].gtin")
			.entity(String.class)
			.isEqualTo(gtin)
			.path("_entities[1]")
			.valueIsNull()
			.path("_entities[2]")
			.valueIsNull()
			.path("_entities[3]")
			.valueIsNull()
			.path("_entities[4]")
			.valueIsNull()
			.path("_entities[5]")
			.valueIsNull();

		assertThat(errors).extracting(ResponseError::getPath)
			.containsExactlyInAnyOrder("_entities[1]", "_entities[2]", "_entities[3]", "_entities[4]", "_entities[5]");
		assertThat(errors).allSatisfy(error -> {
			assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
			assertThat(error.getMessage()).startsWith("representations[");
		});
		assertThat(errors).extracting(ResponseError::getMessage)
			.anySatisfy(message -> assertThat(message).startsWith("representations[1]").contains("check digit"))
			.anySatisfy(message -> assertThat(message).startsWith("representations[2]").contains("'gtin' is missing"))
			.anySatisfy(message -> assertThat(message).startsWith("representations[4] is a Review"))
			.anySatisfy(message -> assertThat(message).isEqualTo("representations[5] has no __typename"));
	}

	@Test
	void shouldRefuseMoreRepresentationsThanProductsTakesGtins() {
		List<String> gtins = this.upstreams.catalog().sharedGtins().subList(0, EntityErrors.MAX_REPRESENTATIONS + 1);

		this.graphQl.documentName("entitiesOffers")
			.variable("representations", representations(gtins))
			.variable("shipTo", "MT")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getMessage()).contains("'representations' has 101 elements");
				assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
			}));

		assertThat(this.calls.total()).isZero();
	}

	@Test
	void shouldKeepTheOtherMarketplacesOffersWhenOneFails() {
		this.upstreams.aliExpressServer()
			.stubFor(post(urlPathEqualTo("/sync"))
				.withFormParam("method", equalTo("aliexpress.affiliate.product.ean.get"))
				.atPriority(1)
				.willReturn(aResponse().withStatus(503)));
		List<String> gtins = this.upstreams.catalog().sharedGtins().subList(254, 256);

		List<ResponseError> errors = new ArrayList<>();
		this.graphQl.documentName("entitiesOffers")
			.variable("representations", representations(gtins))
			.variable("shipTo", "LV")
			.execute()
			.errors()
			.satisfy(errors::addAll)
			.path("_entities[*].offers[*].marketplace")
			.entityList(String.class)
			.satisfies(marketplaces -> assertThat(marketplaces).isNotEmpty().containsOnly("TMALL_EUROPE"));

		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("upstream", "aliexpress");
			assertThat(error.getExtensions().get("code")).asString().startsWith("UPSTREAM_");
		});
	}

	@Test
	void shouldResolveAnOfferByItsId() {
		String gtin = this.upstreams.catalog().sharedGtins().get(256);
		List<Map<String, Object>> offers = quotedOffers(gtin, "CZ", "CZK", "id marketplace price { amount currency }");

		this.graphQl.documentName("entitiesOffer")
			.variable("representations", offerRepresentations(offers))
			.execute()
			.errors()
			.verify()
			.path("_entities[*].price.currency")
			.entityList(String.class)
			.satisfies(currencies -> assertThat(currencies).hasSize(offers.size()).containsOnly("CZK"))
			.path("_entities[*].id")
			.entityList(Object.class)
			.isEqualTo(offers.stream().map(offer -> offer.get("id")).toList());
	}

	@Test
	void shouldLabelEachReferencedOfferInTheLanguageOfItsOwnDestination() {
		String gtin = this.upstreams.catalog().sharedGtins().get(257);
		String selection = "id price { formatted } delivery { label }";
		List<Map<String, Object>> czech = quotedOffers(gtin, "CZ", "CZK", selection);
		List<Map<String, Object>> french = quotedOffers(gtin, "FR", "EUR", selection);
		List<Map<String, Object>> both = new ArrayList<>(czech);
		both.addAll(french);

		this.graphQl
			.document("query ($r: [_Any!]!) { _entities(representations: $r) { ... on Offer { id price { formatted } "
					+ "delivery { label } } } }")
			.variable("r", offerRepresentations(both))
			.execute()
			.errors()
			.verify()
			.path("_entities")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.isEqualTo(both)
			.path("_entities[0].price.formatted")
			.entity(String.class)
			.satisfies(formatted -> assertThat(formatted).contains("Kč"))
			.path("_entities[%d].price.formatted".formatted(czech.size()))
			.entity(String.class)
			.satisfies(formatted -> assertThat(formatted).endsWith("€"));
	}

	/**
	 * The offers of the GTIN as the root field quotes and labels them for the
	 * destination, with the fields of {@code selection}.
	 */
	private List<Map<String, Object>> quotedOffers(String gtin, String shipTo, String currency, String selection) {
		return this.graphQl
			.document("{ product(gtin: \"%s\", shipTo: \"%s\", currency: %s) { offers { %s } } }".formatted(gtin,
					shipTo, currency, selection))
			.execute()
			.errors()
			.verify()
			.path("product.offers")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	/** The offers' Federation representations, by their ids. */
	private static List<Map<String, Object>> offerRepresentations(List<Map<String, Object>> offers) {
		return offers.stream()
			.map(offer -> Map.<String, Object>of("__typename", "Offer", "id", offer.get("id")))
			.toList();
	}

	@Test
	void shouldServeTheSubgraphSchema() {
		this.graphQl.document("{ _service { sdl } }")
			.execute()
			.errors()
			.verify()
			.path("_service.sdl")
			.entity(String.class)
			.satisfies(sdl -> assertThat(sdl).contains("url : \"https://specs.apollo.dev/federation/v2.5\"")
				.contains("type Product implements Node @key(fields : \"gtin\"")
				.contains("type Offer implements Node @key(fields : \"id\"")
				.containsPattern("(?s)offers\\([^)]*shipTo: CountryCode"));
	}

	private static List<Map<String, Object>> representations(List<String> gtins) {
		return gtins.stream().map(gtin -> Map.<String, Object>of("__typename", "Product", "gtin", gtin)).toList();
	}

}
