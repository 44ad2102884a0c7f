package eu.tmall.gateway.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.delivery.DeliveryEstimate;
import eu.tmall.gateway.delivery.DeliverySpeed;
import eu.tmall.gateway.delivery.Origin;
import eu.tmall.gateway.delivery.Shipment;
import eu.tmall.gateway.pricing.Currency;
import eu.tmall.gateway.pricing.ImportRegime;
import eu.tmall.gateway.pricing.LandedCost;
import eu.tmall.gateway.pricing.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotedProductTests {

	private static final CountryCode ES = CountryCode.of("ES");

	private static final Gtin GTIN = Gtin.parse("4006381333931");

	// €24.90 at the door in 2 days from a Spanish warehouse
	private final Quote madrid = quote(Marketplace.TMALL_EUROPE, "t-1", "ES", "24.90", 2, 5);

	// €21.50 in 4 days from AliExpress's Polish warehouse
	private final Quote warsaw = quote(Marketplace.ALIEXPRESS, "a-pl", "PL", "21.50", 4, 2);

	// €17.20 in 15 days from China
	private final Quote shenzhen = quote(Marketplace.ALIEXPRESS, "a-cn", "CN", "17.20", 15, null);

	@Test
	void shouldListTheCheapestDeliveredFirstByDefault() {
		assertThat(product("1.00").offers(OfferFilter.NONE, OfferSort.LANDED_COST)).containsExactly(this.shenzhen,
				this.warsaw, this.madrid);
	}

	@Test
	void shouldListTheSoonestAtTheDoorFirstWhenSortedByDelivery() {
		assertThat(product("1.00").offers(OfferFilter.NONE, OfferSort.DELIVERY)).containsExactly(this.madrid,
				this.warsaw, this.shenzhen);
	}

	@Test
	void shouldTradeMoneyForDaysAtTheConfiguredValueOfADay() {
		// at €1 a day: madrid 24.90 + 2 = 26.90, warsaw 21.50 + 4 = 25.50, shenzhen 17.20
		// + 15 = 32.20
		assertThat(product("1.00").offers(OfferFilter.NONE, OfferSort.BEST_VALUE)).containsExactly(this.warsaw,
				this.madrid, this.shenzhen);
		// at €0.20 a day: 25.30, 22.30, 20.20
		assertThat(product("0.20").offers(OfferFilter.NONE, OfferSort.BEST_VALUE)).containsExactly(this.shenzhen,
				this.warsaw, this.madrid);
	}

	@Test
	void shouldBreakTiesByMarketplaceThenOfferId() {
		Quote tmall = quote(Marketplace.TMALL_EUROPE, "z", "ES", "10.00", 3, 1);
		Quote aliexpressB = quote(Marketplace.ALIEXPRESS, "b", "ES", "10.00", 3, 1);
		Quote aliexpressA = quote(Marketplace.ALIEXPRESS, "a", "ES", "10.00", 3, 1);

		QuotedProduct product = product("1.00", aliexpressB, aliexpressA, tmall);

		assertThat(product.offers(OfferFilter.NONE, OfferSort.DELIVERY)).containsExactly(tmall, aliexpressA,
				aliexpressB);
	}

	@Test
	void shouldKeepOnlyTheOffersThatPassEveryCriterion() {
		QuotedProduct product = product("1.00");

		assertThat(offers(product, new OfferFilter(Set.of(Origin.DOMESTIC, Origin.EU), null, null, null, null)))
			.containsExactly(this.warsaw, this.madrid);
		assertThat(offers(product, new OfferFilter(null, Set.of(Marketplace.ALIEXPRESS), null, null, null)))
			.containsExactly(this.shenzhen, this.warsaw);
		// no stock figure is not "out of stock": AliExpress does not always say
		Quote soldOut = quote(Marketplace.TMALL_EUROPE, "t-0", "ES", "19.90", 2, 0);
		assertThat(offers(product("1.00", this.madrid, soldOut, this.shenzhen),
				new OfferFilter(null, null, true, null, null)))
			.containsExactly(this.shenzhen, this.madrid);
		assertThat(offers(product, new OfferFilter(null, null, null, 4, null))).containsExactly(this.warsaw,
				this.madrid);
		assertThat(offers(product, new OfferFilter(null, null, null, null, new BigDecimal("21.50"))))
			.containsExactly(this.shenzhen, this.warsaw);
		assertThat(offers(product, new OfferFilter(null, Set.of(Marketplace.ALIEXPRESS), null, 4, null)))
			.containsExactly(this.warsaw);
		assertThat(offers(product, new OfferFilter(null, null, null, 1, null))).isEmpty();
	}

	@Test
	void shouldCompareTheCheapestLocalOfferWithTheCheapestImport() {
		OfferComparison comparison = product("1.00").comparison();

		assertThat(comparison.cheapest()).isEqualTo(this.shenzhen);
		assertThat(comparison.fastest()).isEqualTo(this.madrid);
		assertThat(comparison.bestValue()).isEqualTo(this.warsaw);
		// warsaw is the cheapest local offer: 21.50 - 17.20 = 4.30, 4.30 / 17.20 = 25.0 %
		assertThat(comparison.localPremium()).isEqualTo(new LocalPremium(eur("4.30"), new BigDecimal("25.0")));
		assertThat(comparison.daysSaved()).isEqualTo(11);
	}

	@Test
	void shouldShowANegativePremiumWhenTheLocalOfferIsCheaper() {
		Quote cheapImport = quote(Marketplace.ALIEXPRESS, "a-cn", "CN", "30.00", 12, null);

		OfferComparison comparison = product("1.00", this.madrid, cheapImport).comparison();

		// 24.90 - 30.00 = -5.10, -5.10 / 30.00 = -17.0 %
		assertThat(comparison.localPremium()).isEqualTo(new LocalPremium(eur("-5.10"), new BigDecimal("-17.0")));
		assertThat(comparison.daysSaved()).isEqualTo(10);
	}

	@Test
	void shouldLeaveThePremiumOutWithoutBothALocalOfferAndAnImport() {
		OfferComparison onlyLocal = product("1.00", this.madrid, this.warsaw).comparison();
		OfferComparison onlyImport = product("1.00", this.shenzhen).comparison();

		assertThat(onlyLocal.localPremium()).isNull();
		assertThat(onlyLocal.daysSaved()).isNull();
		assertThat(onlyLocal.cheapest()).isEqualTo(this.warsaw);
		assertThat(onlyImport.localPremium()).isNull();
		assertThat(onlyImport.fastest()).isEqualTo(this.shenzhen);
	}

	@Test
	void shouldRecommendOnlyOffersThatCanBeBought() {
		Quote soldOut = quote(Marketplace.ALIEXPRESS, "a-cn", "CN", "9.99", 12, 0);

		QuotedProduct product = product("1.00", this.madrid, soldOut);

		assertThat(product.best(OfferRanking.CHEAPEST)).isEqualTo(this.madrid);
		assertThat(product.comparison().cheapest()).isEqualTo(this.madrid);
		assertThat(product.comparison().localPremium()).isNull();
		// still listed: the shopper may want to know it exists
		assertThat(product.offers(OfferFilter.NONE, OfferSort.LANDED_COST)).containsExactly(soldOut, this.madrid);
		// and compared when nothing can be bought
		assertThat(product("1.00", soldOut).best(OfferRanking.FASTEST)).isEqualTo(soldOut);
	}

	@Test
	void shouldRankTheBestOfferByEachMeasure() {
		QuotedProduct product = product("1.00");

		assertThat(product.best(OfferRanking.CHEAPEST)).isEqualTo(this.shenzhen);
		assertThat(product.best(OfferRanking.FASTEST)).isEqualTo(this.madrid);
		assertThat(product.best(OfferRanking.BEST_VALUE)).isEqualTo(this.warsaw);
	}

	private static List<Quote> offers(QuotedProduct product, OfferFilter filter) {
		return product.offers(filter, OfferSort.LANDED_COST);
	}

	private QuotedProduct product(String eurosPerDay) {
		return product(eurosPerDay, this.madrid, this.warsaw, this.shenzhen);
	}

	private static QuotedProduct product(String eurosPerDay, Quote... quotes) {
		List<Quote> all = List.of(quotes);
		Product product = new Product(GTIN, ES, all.stream().map(Quote::offer).toList());
		return new QuotedProduct(product, Currency.EUR, all, eur(eurosPerDay));
	}

	private static Quote quote(Marketplace marketplace, String id, String shipsFrom, String total, int days,
			@Nullable Integer stock) {
		Shipment shipment = new Shipment(CountryCode.of(shipsFrom), days, days, null);
		Offer offer = new Offer(marketplace, id, GTIN, "Moka pot", null, "Home & Kitchen", List.of(), null, eur(total),
				eur("0"), shipment, stock, URI.create("https://example.com/" + id), ES);
		Money zero = eur("0");
		LandedCost cost = new LandedCost(eur(total), zero, zero, zero, zero, eur(total), ImportRegime.EU_INTERNAL,
				new BigDecimal("21"), LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 25), false);
		LocalDate date = LocalDate.of(2026, 11, 26).plusDays(days);
		DeliveryEstimate delivery = new DeliveryEstimate(shipment.shipsFrom(), offer.origin(), days, days, date, date,
				DeliverySpeed.of(days), null);
		return new Quote(offer, eur(total), zero, cost, delivery);
	}

	private static Money eur(String amount) {
		return Money.of(amount, Currency.EUR);
	}

}
