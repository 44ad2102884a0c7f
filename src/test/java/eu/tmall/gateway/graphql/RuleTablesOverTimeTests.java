package eu.tmall.gateway.graphql;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import eu.tmall.gateway.MutableClockConfiguration;
import eu.tmall.gateway.MutableClockConfiguration.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dated rule tables of application.yml as the clock moves: China's 2027 holidays and
 * Lithuania's Christmas Eve in delivery dates, the €3 duty's end in prices, and the
 * warning before a table runs out. Every date was counted by hand, as the comments show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureHttpGraphQlTester
@Import(MutableClockConfiguration.class)
class RuleTablesOverTimeTests {

	// AliExpress from China, 19-28 business days; Tmall Europe from a Spanish warehouse
	private static final String GTIN = "8479235294249";

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private MutableClock clock;

	@Autowired
	private HealthIndicator ruleTables;

	@Autowired
	private HealthEndpoint health;

	@Autowired
	private MeterRegistry meters;

	@Test
	void shouldDeliverFromChinaAfterTheSpringFestivalOf2027() {
		// Monday 2027-01-25 09:00 UTC is 17:00 in Shanghai, after the cut-off: the order
		// is taken on Tuesday the 26th. Business days in both China and Spain: 27, 28, 29
		// Jan, 1-4 Feb (7); the Spring Festival takes Friday 5 and Monday 8 Feb, around a
		// weekend; 9-12 (11), 15-19 (16), 22-24 (19): the 19th is Wednesday 24 Feb, two
		// business days later than without the festival (22 Feb). Nine more: 25, 26 Feb,
		// 1-5 Mar, 8, 9 Mar: the 28th is Tuesday 9 March.
		this.clock.set(Instant.parse("2027-01-25T09:00:00Z"));

		offers(GTIN, "ES").path("product.offers[?(@.marketplace == 'ALIEXPRESS')].delivery").matchesJson("""
				[{"shipsFrom": "CN", "minDays": 19, "maxDays": 28, "earliestDate": "2027-02-24",
				  "latestDate": "2027-03-09"}]
				""");
	}

	@Test
	void shouldSkipLithuaniasChristmasEve() {
		// Tuesday 2026-12-22 10:00 in Madrid, before the cut-off: Tmall Europe's Spanish
		// warehouse takes the order that day. To Lithuania, another region: 3-5 days.
		// Business days in both Spain and Lithuania: Wednesday 23 (1); 24 December is a
		// holiday in Lithuania, 25 in both, then a weekend; Monday 28 (2), Tuesday 29
		// (3),
		// 30 (4), 31 (5). Without the 24th it would be 28 and 30 December.
		this.clock.set(Instant.parse("2026-12-22T09:00:00Z"));

		offers(GTIN, "LT").path("product.offers[?(@.marketplace == 'TMALL_EUROPE')].delivery").matchesJson("""
				[{"shipsFrom": "ES", "minDays": 3, "maxDays": 5, "earliestDate": "2026-12-29",
				  "latestDate": "2026-12-31"}]
				""");
	}

	@Test
	void shouldChargeTheFlatDutyNoLongerAfter2028_07_01() {
		// Audio from China under IOSS: the €3 a sub-heading applies until 30 June 2028
		this.clock.set(Instant.parse("2028-06-30T09:00:00Z"));
		offers(GTIN, "ES").path("product.offers[?(@.marketplace == 'ALIEXPRESS')].landedCost.duty.amount")
			.entityList(String.class)
			.containsExactly("3.00");

		this.clock.set(Instant.parse("2028-07-02T09:00:00Z"));
		offers(GTIN, "ES").path("product.offers[?(@.marketplace == 'ALIEXPRESS')].landedCost.duty.amount")
			.entityList(String.class)
			.containsExactly("0.00");
	}

	@Test
	void shouldWarnSixtyDaysBeforeChinasHolidaysRunOutWithoutLeavingReadiness() {
		// China's configured years are 2026 and 2027: the table ends on 2028-01-01
		this.clock.set(Instant.parse("2027-11-01T12:00:00Z"));
		assertThat(warnings()).noneMatch(warning -> warning.startsWith("holidays CN"));
		assertThat(daysLeft("holidays", "CN")).isEqualTo(61);

		this.clock.set(Instant.parse("2027-11-02T12:00:00Z"));
		assertThat(warnings()).anyMatch(warning -> warning.startsWith(
				"holidays CN ends in 60 days, on 2028-01-01: delivery dates count only weekends as days off there"));
		assertThat(daysLeft("holidays", "CN")).isEqualTo(60);
		assertThat(this.ruleTables.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.health.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void shouldWarnThatTheBundledRatesAreOutdated() {
		// the snapshot of 2025-10-21 is outdated from 2025-10-29 on (seven days' maximum
		// age)
		this.clock.set(Instant.parse("2026-11-26T09:00:00Z"));

		assertThat(warnings()).anyMatch(warning -> warning.startsWith("exchange-rates ECB ended on 2025-10-29"));
		assertThat(daysLeft("exchange-rates", "ECB")).isEqualTo(-393);
	}

	@SuppressWarnings("unchecked")
	private List<String> warnings() {
		Map<String, Object> details = this.ruleTables.health().getDetails();
		return (List<String>) details.get("warnings");
	}

	private double daysLeft(String table, String scope) {
		return this.meters.get("gateway.rules.days.left").tag("table", table).tag("scope", scope).gauge().value();
	}

	private GraphQlTester.Response offers(String gtin, String shipTo) {
		return this.graphQl.mutate()
			.header("Accept-Language", "en")
			.build()
			.document("""
					query ($gtin: GTIN!, $shipTo: CountryCode!) { product(gtin: $gtin, shipTo: $shipTo) { offers {
					  marketplace landedCost { duty { amount } }
					  delivery { shipsFrom minDays maxDays earliestDate latestDate } } } }""")
			.variable("gtin", gtin)
			.variable("shipTo", shipTo)
			.execute();
	}

}
