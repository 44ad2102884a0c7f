package eu.tmall.gateway.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.PatientTestClients;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many upstream calls a query costs, counted in the embedded upstreams' request
 * journals. The caches are shared for the whole context, so each test asks for its own
 * destination, which is part of every cache key: its caches start cold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureHttpGraphQlTester
@Import(FixedClockConfiguration.class)
class BatchingAndCachingTests {

	/** Long beside any scheduling delay of a busy machine. */
	private static final Duration LATENCY = Duration.ofSeconds(1);

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private EmbeddedUpstreams upstreams;

	@Autowired
	private PreparsedDocuments documents;

	@LocalServerPort
	private int port;

	private UpstreamCalls calls;

	@BeforeEach
	void resetJournals() {
		this.upstreams.reset();
		this.calls = new UpstreamCalls(this.upstreams);
	}

	@AfterEach
	void noLatency() {
		this.upstreams.setLatency(Duration.ZERO);
	}

	@Test
	void shouldSearchWithOneSearchAndOneLookupPerMarketplace() {
		this.graphQl.documentName("searchOffers")
			.variable("shipTo", "DE")
			.execute()
			.errors()
			.verify()
			.path("search.edges")
			.entityList(Object.class)
			.hasSize(20)
			.path("search.edges[*].node.offers[*].marketplace")
			.entityList(String.class)
			.contains("TMALL_EUROPE", "ALIEXPRESS");

		assertThat(this.calls.tmall("/products/search")).isEqualTo(1);
		assertThat(this.calls.tmall("/products/gtin/get") + this.calls.tmall("/products/get")).isLessThanOrEqualTo(2);
		assertThat(this.calls.aliExpress("aliexpress.affiliate.product.query")).isEqualTo(1);
		assertThat(this.calls.aliExpress("aliexpress.affiliate.product.ean.get")
				+ this.calls.aliExpress("aliexpress.affiliate.productdetail.get"))
			.isLessThanOrEqualTo(2);
		assertThat(this.calls.total()).isLessThanOrEqualTo(6);
	}

	@Test
	void shouldLoadFiftyProductsWithOneTmallCallAndThreeAliExpressCalls() {
		List<String> gtins = this.upstreams.catalog().sharedGtins().subList(0, 50);

		this.graphQl.documentName("productsOffers")
			.variable("gtins", gtins)
			.variable("shipTo", "FR")
			.execute()
			.errors()
			.verify()
			.path("products[*].offers[*].marketplace")
			.entityList(String.class)
			.hasSize(100);

		assertThat(this.calls.tmall("/products/gtin/get")).isEqualTo(1);
		assertThat(this.calls.aliExpress("aliexpress.affiliate.product.ean.get")).isEqualTo(3);
		assertThat(this.calls.total()).isEqualTo(4);
	}

	@Test
	void shouldAnswerTheSameQueryAgainFromTheCaches() {
		List<String> gtins = this.upstreams.catalog().sharedGtins().subList(50, 70);
		List<Object> first = products(gtins, "IT");
		int cold = this.calls.total();
		this.upstreams.reset();

		List<Object> again = products(gtins, "IT");
		searchOffers("IT");
		this.upstreams.reset();
		searchOffers("IT");

		assertThat(cold).isPositive();
		assertThat(again).isEqualTo(first);
		assertThat(this.calls.total()).isZero();
	}

	@Test
	void shouldShareColdCacheMissesBetweenConcurrentRequests() throws IOException {
		HttpGraphQlClient client = HttpGraphQlClient.builder()
			.url("http://localhost:" + this.port + "/graphql")
			.build();
		String searchOffers = new ClassPathResource("graphql-test/searchOffers.graphql")
			.getContentAsString(StandardCharsets.UTF_8);
		searchOffersWith(client, searchOffers, "NL");
		int one = this.calls.total();
		this.upstreams.reset();

		List<ClientGraphQlResponse> responses = Flux.range(0, 20)
			.flatMap(i -> client.document(searchOffers).variable("shipTo", "BE").execute(), 20)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(responses).hasSize(20).allSatisfy(response -> assertThat(response.getErrors()).isEmpty());
		assertThat(this.calls.total()).isEqualTo(one);
	}

	@Test
	void shouldAskBothMarketplacesConcurrently() {
		String gtin = this.upstreams.catalog().sharedGtins().get(100);
		productOffers(this.upstreams.catalog().sharedGtins().get(101), "AT");
		this.upstreams.reset();
		this.upstreams.setLatency(LATENCY);

		productOffers(gtin, "AT");

		// asked one after the other, the second would arrive after the first's answer
		Instant tmall = arrival(this.upstreams.tmallServer());
		Instant aliExpress = arrival(this.upstreams.aliExpressServer());
		assertThat(Duration.between(tmall, aliExpress).abs()).isLessThan(LATENCY);
	}

	@Test
	void shouldSearchBothMarketplacesAndThenLookUpBothConcurrently() {
		searchOffers("CZ");
		this.upstreams.reset();
		this.upstreams.setLatency(LATENCY);

		searchOffers("FI");

		// two waves, each with one call per marketplace: the searches, then the lookups
		// of
		// the GTINs they found; in sequence, a call would arrive after the other's answer
		List<Instant> tmall = arrivals(this.upstreams.tmallServer());
		List<Instant> aliExpress = arrivals(this.upstreams.aliExpressServer());
		assertThat(tmall).hasSize(2);
		assertThat(aliExpress).hasSize(2);
		assertThat(Duration.between(tmall.get(0), aliExpress.get(0)).abs()).isLessThan(LATENCY);
		assertThat(Duration.between(tmall.get(1), aliExpress.get(1)).abs()).isLessThan(LATENCY);
		assertThat(this.calls.tmall("/products/search")).isEqualTo(1);
		assertThat(this.calls.aliExpress("aliexpress.affiliate.product.query")).isEqualTo(1);
	}

	/** When each call reached the upstream, first to last. */
	private static List<Instant> arrivals(WireMockServer server) {
		return server.getAllServeEvents()
			.stream()
			.map(event -> event.getRequest().getLoggedDate().toInstant())
			.sorted()
			.toList();
	}

	private static Instant arrival(WireMockServer server) {
		List<ServeEvent> events = server.getAllServeEvents();
		assertThat(events).hasSize(1);
		return events.get(0).getRequest().getLoggedDate().toInstant();
	}

	@Test
	void shouldFetchFreightOnlyWhenAskedAndBatchEverythingElse() {
		searchOffers("PL");
		assertThat(this.calls.aliExpress("aliexpress.ds.freight.query")).isZero();
		this.upstreams.reset();

		List<String> aliExpressOffers = this.graphQl.documentName("shippingOptions")
			.variable("shipTo", "PT")
			.execute()
			.errors()
			.verify()
			.path("search.edges[*].node.offers[?(@.marketplace == 'ALIEXPRESS')].marketplace")
			.entityList(String.class)
			.get();

		assertThat(aliExpressOffers).isNotEmpty();
		assertThat(this.calls.aliExpress("aliexpress.ds.freight.query")).isEqualTo(aliExpressOffers.size());
		assertThat(this.calls.aliExpress("aliexpress.affiliate.product.ean.get")).isEqualTo(1);
		assertThat(this.calls.tmall("/products/gtin/get")).isEqualTo(1);
		this.graphQl.documentName("shippingOptions")
			.variable("shipTo", "PT")
			.execute()
			.path("search.edges[*].node.offers[*].shippingOptions[0].delivery.label")
			.entityList(String.class)
			// no Accept-Language: in the destination's Portuguese
			.satisfies(labels -> assertThat(labels).allSatisfy(label -> assertThat(label).startsWith("Envio: ")));
	}

	@Test
	void shouldParseAndValidateARepeatedQueryOnce() {
		searchOffers("SE");
		long parsed = this.documents.cache().stats().missCount();
		long reused = this.documents.cache().stats().hitCount();

		searchOffers("SE");
		searchOffers("DK");

		assertThat(this.documents.cache().stats().missCount()).isEqualTo(parsed);
		assertThat(this.documents.cache().stats().hitCount()).isEqualTo(reused + 2);
	}

	private List<Object> products(List<String> gtins, String shipTo) {
		return this.graphQl.documentName("productsOffers")
			.variable("gtins", gtins)
			.variable("shipTo", shipTo)
			.execute()
			.errors()
			.verify()
			.path("products")
			.entityList(Object.class)
			.get();
	}

	private void searchOffers(String shipTo) {
		this.graphQl.documentName("searchOffers").variable("shipTo", shipTo).execute().errors().verify();
	}

	private void searchOffersWith(HttpGraphQlClient client, String document, String shipTo) {
		ClientGraphQlResponse response = client.document(document)
			.variable("shipTo", shipTo)
			.execute()
			.block(PatientTestClients.PATIENCE);
		assertThat(response.getErrors()).isEmpty();
	}

	private void productOffers(String gtin, String shipTo) {
		this.graphQl.documentName("productOffers")
			.variable("gtin", gtin)
			.variable("shipTo", shipTo)
			.execute()
			.errors()
			.verify()
			.path("product.offers")
			.entityList(Object.class)
			.hasSize(2);
	}

}
