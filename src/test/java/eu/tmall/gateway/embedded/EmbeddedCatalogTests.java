package eu.tmall.gateway.embedded;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedCatalogTests {

	private static final EmbeddedCatalog catalog = EmbeddedCatalog.generate();

	private static final Set<String> EU_WAREHOUSES = Set.of("ES", "FR", "DE", "PL", "IT", "NL", "BE", "CZ");

	@Test
	void shouldHoldEnoughListingsOnBothMarketplaces() {
		assertThat(catalog.tmallItems()).hasSizeGreaterThanOrEqualTo(1000);
		assertThat(catalog.aliExpressItems()).hasSizeGreaterThanOrEqualTo(1500);
	}

	@Test
	void shouldSpreadTmallListingsOverAtLeastEightCategories() {
		Map<String, Long> perCategory = catalog.tmallItems()
			.stream()
			.collect(Collectors.groupingBy(TmallItem::category, Collectors.counting()));
		assertThat(perCategory).hasSizeGreaterThanOrEqualTo(8)
			.allSatisfy((category, count) -> assertThat(count).isGreaterThanOrEqualTo(30));
	}

	@Test
	void shouldSellFortyEuropeanBrandsEachFromOneCountry() {
		Map<String, Set<String>> countries = catalog.tmallItems()
			.stream()
			.collect(Collectors.groupingBy(TmallItem::brand,
					Collectors.mapping(TmallItem::brandCountry, Collectors.toSet())));
		assertThat(countries).hasSizeGreaterThanOrEqualTo(40)
			.containsEntry("Sennheiser", Set.of("DE"))
			.containsEntry("Cecotec", Set.of("ES"))
			.containsEntry("LEGO", Set.of("DK"))
			.containsEntry("Zelmer", Set.of("PL"))
			.allSatisfy((brand, brandCountries) -> assertThat(brandCountries).hasSize(1));
	}

	@Test
	void shouldShareAtLeastFourHundredGtinsBetweenMarketplaces() {
		List<String> shared = catalog.sharedGtins();
		assertThat(shared).hasSizeGreaterThanOrEqualTo(400);
		assertThat(shared).allSatisfy((gtin) -> assertThat(catalog.aliExpressItemByGtin(gtin).orElseThrow().brandName())
			.isEqualTo(catalog.tmallItemByGtin(gtin).orElseThrow().brand()));
	}

	@Test
	void shouldShipAtLeastTenPercentOfAliExpressProductsFromEuWarehouses() {
		List<AliExpressItem> fromEurope = catalog.aliExpressItems()
			.stream()
			.filter(AliExpressItem::shipsFromEurope)
			.toList();
		assertThat(fromEurope).hasSizeGreaterThanOrEqualTo(catalog.aliExpressItems().size() / 10);
		assertThat(fromEurope).extracting(AliExpressItem::shipFromCountry).allMatch(EU_WAREHOUSES::contains);
	}

	@Test
	void shouldOfferSharedProductsFromPolandAndFromChinaAgainstSpanishStock() {
		List<AliExpressItem> shared = catalog.aliExpressItems()
			.stream()
			.filter((item) -> catalog.tmallItemByGtin(item.ean13()).isPresent())
			.toList();
		assertThat(shared).filteredOn((item) -> item.shipFromCountry().equals("PL")).hasSizeGreaterThanOrEqualTo(20);
		assertThat(shared).filteredOn((item) -> !item.shipsFromEurope())
			.filteredOn((item) -> catalog.tmallItemByGtin(item.ean13()).orElseThrow().warehouseCountry().equals("ES"))
			.hasSizeGreaterThanOrEqualTo(20);
	}

	@Test
	void shouldStockAtLeastFiftyTmallListingsInSpain() {
		assertThat(catalog.tmallItems()).filteredOn((item) -> item.warehouseCountry().equals("ES"))
			.hasSizeGreaterThanOrEqualTo(50);
	}

	@Test
	void shouldUseValidUnrestrictedGtin13s() {
		assertThat(allGtins()).allSatisfy((gtin) -> {
			assertThat(gtin).hasSize(13).containsOnlyDigits();
			assertThat(Gtins.hasValidCheckDigit(gtin)).as("check digit of %s", gtin).isTrue();
			assertThat(Gtins.isRestricted(gtin)).as("prefix of %s", gtin).isFalse();
		});
	}

	@Test
	void shouldUseTheGs1PrefixOfTheBrandCountry() {
		assertThat(catalog.tmallItems()).filteredOn((item) -> item.brandCountry().equals("DE"))
			.extracting((item) -> Integer.parseInt(item.gtin13().substring(0, 3)))
			.allMatch((prefix) -> prefix >= 400 && prefix <= 440);
		assertThat(catalog.tmallItems()).filteredOn((item) -> item.brandCountry().equals("PL"))
			.allMatch((item) -> item.gtin13().startsWith("590"));
		assertThat(catalog.aliExpressItems()).filteredOn((item) -> catalog.tmallItemByGtin(item.ean13()).isEmpty())
			.allMatch((item) -> item.ean13().startsWith("69"));
	}

	@Test
	void shouldListEachGtinAndIdOnceOnEachMarketplace() {
		assertThat(catalog.tmallItems()).extracting(TmallItem::gtin13).doesNotHaveDuplicates();
		assertThat(catalog.tmallItems()).extracting(TmallItem::itemId).doesNotHaveDuplicates();
		assertThat(catalog.aliExpressItems()).extracting(AliExpressItem::ean13).doesNotHaveDuplicates();
		assertThat(catalog.aliExpressItems()).extracting(AliExpressItem::productId).doesNotHaveDuplicates();
	}

	@Test
	void shouldKeepAliExpressDeliveryRangesRealistic() {
		assertThat(catalog.aliExpressItems()).allSatisfy((item) -> {
			if (item.shipsFromEurope()) {
				assertThat(item.minDays()).isBetween(3, 7);
				assertThat(item.maxDays()).isBetween(item.minDays(), 7);
			}
			else if (item.serviceName().equals("AliExpress Selection Standard")) {
				assertThat(item.minDays()).isBetween(6, 12);
				assertThat(item.maxDays()).isBetween(item.minDays(), 12);
			}
			else {
				assertThat(item.serviceName()).isEqualTo("AliExpress Standard Shipping");
				assertThat(item.minDays()).isBetween(15, 30);
				assertThat(item.maxDays()).isBetween(item.minDays(), 30);
			}
		});
	}

	@Test
	void shouldGenerateTheSameCatalogEveryTime() {
		EmbeddedCatalog again = EmbeddedCatalog.generate();
		assertThat(again.tmallItems()).isEqualTo(catalog.tmallItems());
		assertThat(again.aliExpressItems()).isEqualTo(catalog.aliExpressItems());
	}

	@Test
	void shouldFindItemsByIdAndByGtinOfAnyLength() {
		TmallItem listing = catalog.tmallItems().get(17);
		AliExpressItem product = catalog.aliExpressItems().get(900);
		assertThat(catalog.tmallItem(listing.itemId())).contains(listing);
		assertThat(catalog.tmallItemByGtin("0" + listing.gtin13())).contains(listing);
		assertThat(catalog.aliExpressItem(product.productId())).contains(product);
		assertThat(catalog.aliExpressItemByGtin(product.ean13())).contains(product);
		assertThat(catalog.tmallItem("TE0")).isEmpty();
		assertThat(catalog.tmallItemByGtin("not-a-gtin")).isEmpty();
	}

	@Test
	void shouldMatchHeadphonesOnBothMarketplaces() {
		assertThat(catalog.searchTmall("Headphones", null, null)).hasSizeGreaterThanOrEqualTo(30)
			.allMatch((item) -> item.title().toLowerCase(Locale.ROOT).contains("headphones"));
		assertThat(catalog.searchAliExpress("headphones")).hasSizeGreaterThanOrEqualTo(30);
	}

	@Test
	void shouldRequireEveryKeywordIgnoringCaseAndAccents() {
		assertThat(catalog.searchTmall("KARCHER", null, null)).isNotEmpty()
			.allMatch((item) -> item.brand().equals("Kärcher"));
		assertThat(catalog.searchTmall("delonghi kettle", null, null)).isNotEmpty()
			.allMatch((item) -> item.brand().equals("De'Longhi") && item.title().contains("Kettle"));
		assertThat(catalog.searchTmall("audio", "Audio", "Marshall")).isNotEmpty()
			.allMatch((item) -> item.brand().equals("Marshall"));
		assertThat(catalog.searchTmall("headphones zzzz", null, null)).isEmpty();
	}

	private static Set<String> allGtins() {
		Set<String> gtins = new HashSet<>();
		catalog.tmallItems().forEach((item) -> gtins.add(item.gtin13()));
		catalog.aliExpressItems().forEach((item) -> gtins.add(item.ean13()));
		return gtins;
	}

}
