package eu.tmall.gateway.graphql;

import java.time.Duration;

import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.embedded.Credentials;
import eu.tmall.gateway.embedded.EmbeddedCatalog;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import eu.tmall.gateway.embedded.EmbeddedUpstreamsSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway pointed at upstreams by base URL, as in production, with a wrong Tmall
 * Europe secret: the platform's refusal becomes a GraphQL error, AliExpress's offer still
 * comes back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@Import(FixedClockConfiguration.class)
class UpstreamSignatureTests {

	private static final String TMALL_SECRET = "the-real-tmall-secret";

	private static final EmbeddedUpstreams upstreams = EmbeddedUpstreams
		.start(new EmbeddedUpstreamsSettings(0, 0, Duration.ZERO, true, new Credentials("tmall-key", TMALL_SECRET),
				new Credentials("aliexpress-key", "the-aliexpress-secret")), EmbeddedCatalog.generate());

	@Autowired
	private HttpGraphQlTester graphQl;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("gateway.upstreams.tmall.base-url", upstreams::tmallBaseUrl);
		registry.add("gateway.upstreams.tmall.app-key", () -> "tmall-key");
		registry.add("gateway.upstreams.tmall.app-secret", () -> "a-wrong-secret");
		registry.add("gateway.upstreams.aliexpress.base-url", upstreams::aliExpressBaseUrl);
		registry.add("gateway.upstreams.aliexpress.app-key", () -> "aliexpress-key");
		registry.add("gateway.upstreams.aliexpress.app-secret", () -> "the-aliexpress-secret");
	}

	@AfterAll
	static void stop() {
		upstreams.close();
	}

	@Test
	void shouldSayTheUpstreamRefusedTheSignatureAndKeepTheOtherMarketplace() {
		String gtin = upstreams.catalog().sharedGtins().get(0);

		this.graphQl.documentName("product")
			.variable("gtin", gtin)
			.variable("shipTo", "ES")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getMessage()).contains("Tmall Europe").contains("refused the request signature");
				assertThat(error.getMessage()).doesNotContain("a-wrong-secret").doesNotContain(TMALL_SECRET);
				assertThat(error.getExtensions()).containsEntry("code", "UPSTREAM_AUTH")
					.containsEntry("upstream", "tmall-europe");
				assertThat(error.getPath()).isEqualTo("product");
			}))
			.path("product.offers[*].marketplace")
			.entityList(String.class)
			.containsExactly("ALIEXPRESS");
	}

}
