package eu.tmall.gateway.graphql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.embedded.AliExpressItem;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One product on both marketplaces, quoted over HTTP to shoppers in Spain, Germany and
 * Poland. The clock stands at Thursday 2026-11-26 09:00 UTC: 10:00 in Madrid, before the
 * 14:00 cut-off, but 17:00 in Shanghai, after it. Every figure below was worked out by
 * hand from the embedded catalog's prices, as the comments show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureHttpGraphQlTester
@Import(FixedClockConfiguration.class)
class ComparisonQueryTests {

	// Tools & DIY. Tmall Europe: €142.77 net from a Spanish warehouse, free delivery.
	// AliExpress: €116.01 net from China, 16-30 days, €3.99 shipping VAT included.
	private static final String GTIN = "4012778123313";

	// Audio. AliExpress: €160.58 net from China, 15-24 days, free shipping: above €150.
	private static final String ABOVE_150 = "4015397101946";

	// Audio. AliExpress: €26.88 net from China, free shipping.
	private static final String IOSS_TO_ITALY = "8788199239723";

	// Home & Kitchen. AliExpress: €345.39 net from China, €4.99 shipping VAT included.
	private static final String IMPORT_TO_AUSTRIA = "4092415169836";

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private EmbeddedUpstreams upstreams;

	@Test
	void shouldQuoteBothMarketplacesToSpainInSpanish() {
		GraphQlTester.Response response = compare(GTIN, "ES", "EUR", "es-ES,es;q=0.9");

		// AliExpress: 116.01 x 1.21 = 140.37; net 140.37 / 1.21 = 116.01, 3.99 / 1.21 =
		// 3.30;
		// VAT 144.36 - 119.31 = 25.05; IOSS, one sub-heading after 2026-07-01: €3 duty.
		// Its 16 days start Friday 27 (after Shanghai's cut-off) and skip 8 Dec (Spain),
		// then 25 Dec, 1 Jan and 6 Jan. Tmall Europe: 142.77 x 1.21 = 172.75.
		response.path("product.offers").matchesJson("""
				[{"marketplace": "ALIEXPRESS", "origin": "CROSS_BORDER",
				  "price": {"amount": "140.37", "currency": "EUR", "formatted": "140,37\u00a0€"},
				  "shippingFee": {"amount": "3.99"},
				  "landedCost": {"goods": {"amount": "116.01"}, "shipping": {"amount": "3.30"},
				    "vat": {"amount": "25.05"}, "vatRate": 21.0, "duty": {"amount": "3.00"}, "fees": {"amount": "0.00"},
				    "total": {"amount": "147.36", "currency": "EUR", "formatted": "147,36\u00a0€"},
				    "regime": "IOSS", "rulesDate": "2026-11-26", "exchangeRatesDate": "2025-10-21",
				    "exchangeRatesOutdated": false},
				  "delivery": {"shipsFrom": "CN", "minDays": 16, "maxDays": 30, "earliestDate": "2026-12-22",
				    "latestDate": "2027-01-14", "speed": "ECONOMY", "label": "Envío desde China · 16–30 días hábiles"}},
				 {"marketplace": "TMALL_EUROPE", "origin": "DOMESTIC",
				  "price": {"amount": "172.75", "currency": "EUR", "formatted": "172,75\u00a0€"},
				  "landedCost": {"goods": {"amount": "142.77"}, "shipping": {"amount": "0.00"},
				    "vat": {"amount": "29.98"}, "duty": {"amount": "0.00"}, "fees": {"amount": "0.00"},
				    "total": {"amount": "172.75"}, "regime": "EU_INTERNAL"},
				  "delivery": {"shipsFrom": "ES", "minDays": 1, "maxDays": 2, "earliestDate": "2026-11-27",
				    "latestDate": "2026-11-30", "speed": "EXPRESS", "label": "Envío desde España · 1–2 días hábiles"}}]
				""");
		// at €1 a business day: Tmall Europe 172.75 + 2 = 174.75 beats AliExpress 147.36
		// + 30
		// = 177.36; the premium is 172.75 - 147.36 = 25.39, 17.2 % of 147.36, for 28 days
		assertOrderAndComparison(response, "ALIEXPRESS", "TMALL_EUROPE", """
				{"cheapest": {"marketplace": "ALIEXPRESS"}, "fastest": {"marketplace": "TMALL_EUROPE"},
				 "bestValue": {"marketplace": "TMALL_EUROPE"},
				 "localPremium": {"amount": {"amount": "25.39", "currency": "EUR"}, "percent": 17.2}, "daysSaved": 28}
				""");
	}

	@Test
	void shouldQuoteTheSameOffersToSpainInEnglish() {
		compare(GTIN, "ES", "EUR", "en-GB").path("product.offers[*].delivery.label")
			.entityList(String.class)
			.containsExactly("Ships from China · 16–30 business days", "Ships from Spain · 1–2 business days")
			.path("product.offers[*].landedCost.total.formatted")
			.entityList(String.class)
			.containsExactly("€147.36", "€172.75");
	}

	@Test
	void shouldAnswerInTheDestinationsLanguageWhenAcceptLanguageNamesNoneItSpeaks() {
		// Japanese is none of the EU's languages: a shopper in Sweden reads Swedish, with
		// kronor as Swedish writes them ("1 662,04 kr", no-break spaces: CLDR)
		GraphQlTester.Response swedish = compare(GTIN, "SE", "SEK", "ja");
		swedish.path("product.offers[*].delivery.label")
			.entityList(String.class)
			.containsExactly("Skickas från Kina · 16–30 arbetsdagar", "Skickas från Spanien · 3–5 arbetsdagar")
			.path("product.offers[*].landedCost.total.formatted")
			.entityList(String.class)
			.satisfies(totals -> assertThat(totals)
				.allSatisfy(total -> assertThat(total).matches("\\d\u00a0\\d{3},\\d{2}\u00a0kr")));

		// a language the gateway speaks wins over the destination's
		compare(GTIN, "SE", "SEK", "de").path("product.offers[*].delivery.label")
			.entityList(String.class)
			.containsExactly("Versand: China · 16–30 Werktage", "Versand: Spanien · 3–5 Werktage");
	}

	@Test
	void shouldQuoteBothMarketplacesToGermanyInGerman() {
		GraphQlTester.Response response = compare(GTIN, "DE", "EUR", "de-DE");

		// AliExpress: 116.01 x 1.19 = 138.05; net 116.01 and 3.99 / 1.19 = 3.35; VAT
		// 142.04 -
		// 119.36 = 22.68; + €3 duty = 145.04. Its 30 days skip 25 Dec and 1 Jan but not 8
		// Dec
		// or 6 Jan, holidays in Spain and not nationally in Germany. Tmall Europe ships
		// from Spain: EU, 142.77 x 1.19 = 169.90, 3-5 days from Thursday.
		response.path("product.offers").matchesJson("""
				[{"marketplace": "ALIEXPRESS", "origin": "CROSS_BORDER", "price": {"amount": "138.05"},
				  "landedCost": {"goods": {"amount": "116.01"}, "shipping": {"amount": "3.35"},
				    "vat": {"amount": "22.68"}, "vatRate": 19.0, "duty": {"amount": "3.00"},
				    "total": {"amount": "145.04", "formatted": "145,04\u00a0€"}, "regime": "IOSS"},
				  "delivery": {"earliestDate": "2026-12-21", "latestDate": "2027-01-12",
				    "label": "Versand: China · 16–30 Werktage"}},
				 {"marketplace": "TMALL_EUROPE", "origin": "EU", "price": {"amount": "169.90"},
				  "landedCost": {"vat": {"amount": "27.13"}, "total": {"amount": "169.90"}, "regime": "EU_INTERNAL"},
				  "delivery": {"minDays": 3, "maxDays": 5, "earliestDate": "2026-12-01", "latestDate": "2026-12-03",
				    "speed": "STANDARD", "label": "Versand: Spanien · 3–5 Werktage"}}]
				""");
		// 169.90 + 5 = 174.90 against 145.04 + 30 = 175.04; 24.86 is 17.1 % of 145.04
		assertOrderAndComparison(response, "ALIEXPRESS", "TMALL_EUROPE", """
				{"bestValue": {"marketplace": "TMALL_EUROPE"},
				 "localPremium": {"amount": {"amount": "24.86", "currency": "EUR"}, "percent": 17.1}, "daysSaved": 25}
				""");
	}

	@Test
	void shouldQuoteBothMarketplacesToPolandInZlotysAndPolish() {
		GraphQlTester.Response response = compare(GTIN, "PL", "PLN", "pl");

		// at the bundled ECB rate of 4.2393 zł: AliExpress 116.01 x 1.23 = €142.69 =
		// 604.91
		// zł; net 116.0081 x 4.2393 = 491.79, shipping 3.99 / 1.23 x 4.2393 = 13.75; VAT
		// (142.69 + 3.99) x 4.2393 = 621.82 - 491.79 - 13.75 = 116.28; duty 3 x 4.2393 =
		// 12.72. Wigilia (24 Dec) is a Polish holiday since 2025: the 30th day is 14 Jan.
		// Converted at the bundled rates of 2025-10-21, more than 7 days old: outdated.
		response.path("product.offers")
			.matchesJson(
					"""
							[{"marketplace": "ALIEXPRESS", "price": {"amount": "604.91", "currency": "PLN", "formatted": "604,91\u00a0zł"},
							  "shippingFee": {"amount": "16.91"},
							  "landedCost": {"goods": {"amount": "491.79"}, "shipping": {"amount": "13.75"},
							    "vat": {"amount": "116.28"}, "vatRate": 23.0, "duty": {"amount": "12.72"},
							    "total": {"amount": "634.54", "currency": "PLN", "formatted": "634,54\u00a0zł"}, "regime": "IOSS",
							    "exchangeRatesDate": "2025-10-21", "exchangeRatesOutdated": true},
							  "delivery": {"earliestDate": "2026-12-21", "latestDate": "2027-01-14",
							    "label": "Wysyłka: Chiny · 16–30 dni roboczych"}},
							 {"marketplace": "TMALL_EUROPE", "origin": "EU",
							  "price": {"amount": "744.46", "currency": "PLN", "formatted": "744,46\u00a0zł"},
							  "landedCost": {"goods": {"amount": "605.25"}, "vat": {"amount": "139.21"},
							    "total": {"amount": "744.46"}, "regime": "EU_INTERNAL"},
							  "delivery": {"label": "Wysyłka: Hiszpania · 3–5 dni roboczych"}}]
							""");
		// a day is worth 4.24 zł: 744.46 + 21.20 = 765.66 loses to 634.54 + 127.18 =
		// 761.72
		assertOrderAndComparison(response, "ALIEXPRESS", "TMALL_EUROPE", """
				{"bestValue": {"marketplace": "ALIEXPRESS"},
				 "localPremium": {"amount": {"amount": "109.92", "currency": "PLN"}, "percent": 17.3}, "daysSaved": 25}
				""");
	}

	@Test
	void shouldChargeDutyImportVatAndClearanceAbove150Euros() {
		// 160.58 x 1.21 = 194.30, net 160.5785 > 150: duty 2 % (Audio) = 3.21; import VAT
		// 21 %
		// of 163.7901 = 34.40; clearance €10; total 160.58 + 34.40 + 3.21 + 10.00 =
		// 208.19
		compare(ABOVE_150, "ES", "EUR", "en").path("product.offers[?(@.marketplace == 'ALIEXPRESS')].landedCost")
			.matchesJson("""
					[{"goods": {"amount": "160.58"}, "shipping": {"amount": "0.00"}, "vat": {"amount": "34.40"},
					  "duty": {"amount": "3.21"}, "fees": {"amount": "10.00"}, "total": {"amount": "208.19"},
					  "regime": "IMPORT"}]
					""");
	}

	@Test
	void shouldAddItalysFeeToAParcelFromOutsideTheEu() {
		// Audio from China, €26.88 net, free shipping: 26.88 x 1.22 = 32.7936, 32.79; net
		// 32.79 / 1.22 = 26.877, 26.88; VAT 32.79 - 26.88 = 5.91; IOSS (26.88 <= 150),
		// one sub-heading after 2026-07-01: €3 duty; Italy's €2 per consignment up to
		// €150 from outside the EU since 2026-01-01. Total 32.79 + 3.00 + 2.00 = 37.79
		importCosts(IOSS_TO_ITALY, "IT").matchesJson("""
				[{"goods": {"amount": "26.88"}, "shipping": {"amount": "0.00"}, "vat": {"amount": "5.91"},
				  "duty": {"amount": "3.00"}, "fees": {"amount": "2.00"}, "total": {"amount": "37.79"},
				  "regime": "IOSS", "exchangeRatesOutdated": false}]
				""");
	}

	@Test
	void shouldChargeDutyOnTheGoodsAndTheirTransport() {
		// Home & Kitchen (3.2 %) from China, €345.39 net, €4.99 shipping, to Austria (20
		// %): 345.39 x 1.20 = 414.468, 414.47; intrinsic value 414.47 / 1.20 = 345.39 >
		// 150: IMPORT. Customs value (414.47 + 4.99) / 1.20 = 349.55; duty 3.2 % =
		// 11.1856,
		// 11.19 (on the goods alone it was 11.05); import VAT 20 % of 349.55 + 11.1856 =
		// 72.1471, 72.15; shipping 4.99 / 1.20 = 4.1583, 4.16; clearance €10. Total
		// 345.39
		// + 4.16 + 72.15 + 11.19 + 10.00 = 442.89 (it was 442.72)
		importCosts(IMPORT_TO_AUSTRIA, "AT").matchesJson("""
				[{"goods": {"amount": "345.39"}, "shipping": {"amount": "4.16"}, "vat": {"amount": "72.15"},
				  "duty": {"amount": "11.19"}, "fees": {"amount": "10.00"}, "total": {"amount": "442.89"},
				  "regime": "IMPORT"}]
				""");
	}

	@Test
	void shouldFilterOffersByDaysAndByLandedCostInTheRequestCurrency() {
		this.graphQl.document("""
				{ product(gtin: "%s", shipTo: "PL", currency: PLN) {
				    fast: offers(filter: {maxDeliveryDays: 5}) { marketplace }
				    cheap: offers(filter: {maxLandedCost: 700}) { marketplace }
				    none: offers(filter: {maxLandedCost: "634.53"}) { marketplace }
				    fromTmall: offers(filter: {marketplaces: [TMALL_EUROPE], inStock: true}) { marketplace }
				} }""".formatted(GTIN))
			.execute()
			.errors()
			.verify()
			.path("product.fast[*].marketplace")
			.entityList(String.class)
			.containsExactly("TMALL_EUROPE")
			.path("product.cheap[*].marketplace")
			.entityList(String.class)
			.containsExactly("ALIEXPRESS")
			.path("product.none")
			.entityList(Object.class)
			.hasSize(0)
			.path("product.fromTmall[*].marketplace")
			.entityList(String.class)
			.containsExactly("TMALL_EUROPE");
	}

	@Test
	void shouldNeverShowTheSellersReferencePriceAsAFormerPrice() {
		AliExpressItem item = this.upstreams.catalog().aliExpressItemByGtin(GTIN).orElseThrow();
		// the upstream quotes it VAT included, as it quotes the sale price
		String reference = item.originalNetPrice()
			.multiply(new BigDecimal("1.21"))
			.setScale(2, RoundingMode.HALF_UP)
			.toPlainString();

		String answer = compare(GTIN, "ES", "EUR", "en").path("product").entity(Map.class).get().toString();

		assertThat(item.originalNetPrice()).isGreaterThan(item.netPrice());
		assertThat(answer).contains("amount=140.37").doesNotContain(reference);
	}

	private GraphQlTester.Path importCosts(String gtin, String shipTo) {
		return this.graphQl.document("""
				{ products(gtins: ["%s"], shipTo: "%s") { offers { marketplace landedCost {
				    goods { amount } shipping { amount } vat { amount } duty { amount } fees { amount }
				    total { amount } regime exchangeRatesOutdated } } } }""".formatted(gtin, shipTo))
			.execute()
			.path("products[0].offers[?(@.marketplace == 'ALIEXPRESS')].landedCost");
	}

	private GraphQlTester.Response compare(String gtin, String shipTo, String currency, String language) {
		return this.graphQl.mutate()
			.header("Accept-Language", language)
			.build()
			.documentName("comparison")
			.variable("gtin", gtin)
			.variable("shipTo", shipTo)
			.variable("currency", currency)
			.execute();
	}

	private static void assertOrderAndComparison(GraphQlTester.Response response, String cheapest, String fastest,
			String comparison) {
		response.path("product.offers[*].marketplace")
			.entityList(String.class)
			.containsExactly(cheapest, fastest)
			.path("product.byDelivery[*].marketplace")
			.entityList(String.class)
			.containsExactly(fastest, cheapest)
			.path("product.local[*].marketplace")
			.entityList(String.class)
			.containsExactly("TMALL_EUROPE")
			.path("product.bestOffer.marketplace")
			.entity(String.class)
			.isEqualTo(fastest)
			.path("product.comparison")
			.matchesJson(comparison);
	}

}
