package eu.tmall.gateway.graphql;

import java.time.Duration;

import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.pricing.LandedCostCalculator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * An offer's landed cost is worked out only when a field, a sort or a filter reads it,
 * and once per offer however many read it. The product sold on both marketplaces has two
 * offers.
 */
// what counts here is calls, not time: deadlines a cold gateway on a busy machine meets
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.embedded.latency=0ms", "gateway.upstreams.tmall.timeout=30s",
				"gateway.upstreams.tmall.deadline=30s", "gateway.upstreams.aliexpress.timeout=30s",
				"gateway.upstreams.aliexpress.deadline=30s", "gateway.limits.request-deadline=30s" })
@AutoConfigureHttpGraphQlTester
@Import(FixedClockConfiguration.class)
class LazyQuotingTests {

	private static final String BOTH_MARKETPLACES = "8479235294249";

	@Autowired
	private HttpGraphQlTester graphQl;

	@MockitoSpyBean
	private LandedCostCalculator landedCosts;

	@BeforeEach
	void forgetEarlierCalls() {
		clearInvocations(this.landedCosts);
		this.graphQl = this.graphQl.mutate()
			.webTestClient(client -> client.responseTimeout(Duration.ofSeconds(60)))
			.responseTimeout(Duration.ofSeconds(60))
			.build();
	}

	@Test
	void shouldComputeNoLandedCostForAQueryThatAsksForNone() {
		this.graphQl.document("""
				query($gtin: GTIN!) {
				  product(gtin: $gtin, shipTo: "ES") {
				    offers(sort: DELIVERY) { price { amount } delivery { minDays maxDays } }
				  }
				}""")
			.variable("gtin", BOTH_MARKETPLACES)
			.execute()
			.path("product.offers[*].delivery.maxDays")
			.entityList(Integer.class)
			.hasSize(2);

		verify(this.landedCosts, never()).landedCost(any(), any(), any());
	}

	@Test
	void shouldComputeEachOffersLandedCostOnceHoweverManyReadIt() {
		this.graphQl.document("""
				query($gtin: GTIN!) {
				  product(gtin: $gtin, shipTo: "ES") {
				    offers(sort: LANDED_COST, filter: { maxLandedCost: 1000 }) { landedCost { total { amount } } }
				    cheapest: bestOffer(by: CHEAPEST) { landedCost { total { amount } } }
				    comparison { localPremium { percent } }
				  }
				}""")
			.variable("gtin", BOTH_MARKETPLACES)
			.execute()
			.path("product.offers")
			.entityList(Object.class)
			.hasSize(2);

		verify(this.landedCosts, times(2)).landedCost(any(), any(), any());
	}

}
