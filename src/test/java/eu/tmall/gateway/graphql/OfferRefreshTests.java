package eu.tmall.gateway.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import eu.tmall.gateway.MutableClockConfiguration;
import eu.tmall.gateway.MutableClockConfiguration.MutableClock;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
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
 * Cached offers past their TTL are asked again once, in batches, however many requests
 * find them so at once; counted in the embedded upstreams' journals. The test moves the
 * gateway's clock past the TTL (5 minutes) and asks for its own destination, so its
 * caches start cold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureHttpGraphQlTester
@Import(MutableClockConfiguration.class)
class OfferRefreshTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private EmbeddedUpstreams upstreams;

	@Autowired
	private MutableClock clock;

	@LocalServerPort
	private int port;

	@Test
	void shouldRefreshExpiredOffersOnceWithBatchedCallsWhateverTheConcurrency() throws IOException {
		List<String> gtins = this.upstreams.catalog().sharedGtins().subList(150, 200);
		List<Object> cached = products(gtins, "FI");
		this.upstreams.reset();
		UpstreamCalls calls = new UpstreamCalls(this.upstreams);
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		HttpGraphQlClient client = HttpGraphQlClient.builder()
			.url("http://localhost:" + this.port + "/graphql")
			.build();
		String productsOffers = new ClassPathResource("graphql-test/productsOffers.graphql")
			.getContentAsString(StandardCharsets.UTF_8);

		List<ClientGraphQlResponse> responses = Flux.range(0, 16)
			.flatMap(i -> client.document(productsOffers).variable("gtins", gtins).variable("shipTo", "FI").execute(),
					16)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(responses).hasSize(16).allSatisfy(response -> {
			assertThat(response.getErrors()).isEmpty();
			assertThat(response.field("products").toEntityList(Object.class)).isEqualTo(cached);
		});
		assertThat(calls.tmall("/products/gtin/get")).isEqualTo(1);
		assertThat(calls.aliExpress("aliexpress.affiliate.product.ean.get")).isEqualTo(3);
		assertThat(calls.total()).isEqualTo(4);
		this.upstreams.reset();
		products(gtins, "FI");
		assertThat(calls.total()).isZero();
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

}
