package eu.tmall.gateway.embedded;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the AliExpress products: resellers of the European brands' products (same
 * EAN, usually cheaper) and the Chinese brands; most ship from China, some from
 * AliExpress's EU warehouses.
 */
final class AliExpressCatalogGenerator {

	static final String SELECTION_STANDARD = "AliExpress Selection Standard";

	static final String STANDARD_SHIPPING = "AliExpress Standard Shipping";

	static final String WAREHOUSE_STANDARD = "Cainiao Warehouse Standard";

	private static final int SHARED_PRODUCTS = 480;

	// Poland thrice and Spain twice: the largest AliExpress warehouses in the EU
	private static final List<String> EU_WAREHOUSES = List.of("PL", "PL", "PL", "ES", "ES", "FR", "DE", "IT", "NL",
			"BE", "CZ");

	private static final List<String> RESELLERS = List.of("Euro Brands Outlet Store", "Genuine Brands Global Store",
			"Original Brand Direct Store", "EU Warehouse Deals Store");

	private static final List<String> MARKETPLACE_SHOPS = List.of("Shenzhen Digital Life Store", "Global Gadgets Store",
			"Smart Living Factory Store", "Yiwu Home Goods Store", "Top Tech Global Store");

	private static final List<String> RESELLER_SUFFIXES = List.of("", " Original", " EU Version", " Genuine");

	private static final List<String> CHINESE_SUFFIXES = List.of("", " Global Version", " 2025 New", " Original");

	private static final List<BigDecimal> FEES = List.of(new BigDecimal("0.99"), new BigDecimal("1.99"),
			new BigDecimal("2.99"), new BigDecimal("3.99"), new BigDecimal("4.99"));

	private final Draws draws;

	private final ProductLineFactory lines;

	private final Gs1Numbering gtins;

	private final Map<String, Long> shopIds = new LinkedHashMap<>();

	private long nextProductId = 1005005100000000L;

	AliExpressCatalogGenerator(Draws draws, ProductLineFactory lines, Gs1Numbering gtins) {
		this.draws = draws;
		this.lines = lines;
		this.gtins = gtins;
	}

	List<AliExpressItem> generate(List<TmallItem> tmallItems) {
		List<AliExpressItem> items = new ArrayList<>();
		resold(tmallItems).forEach((listing) -> items.add(resale(listing)));
		for (Brand brand : ChineseBrands.ALL) {
			int target = this.draws.between(32, 48);
			int count = 0;
			while (count < target) {
				ProductLine line = this.lines.next(brand, 0.6);
				for (int variant = 0; variant < line.variantCount() && count < target; variant++, count++) {
					items.add(chineseProduct(line, variant));
				}
			}
		}
		return List.copyOf(items);
	}

	private List<TmallItem> resold(List<TmallItem> tmallItems) {
		Map<TmallItem, Integer> positions = new LinkedHashMap<>();
		tmallItems.forEach((item) -> positions.put(item, positions.size()));
		return this.draws.shuffled(tmallItems)
			.subList(0, SHARED_PRODUCTS)
			.stream()
			.sorted(Comparator.comparing(positions::get))
			.toList();
	}

	private AliExpressItem resale(TmallItem listing) {
		String shop = this.draws.chance(0.15) ? listing.brand() + " Official Store" : this.draws.pick(RESELLERS);
		BigDecimal netPrice = scaled(listing.netPrice(), 0.70, 1.02);
		String title = listing.title().replace(", ", " ") + this.draws.pick(RESELLER_SUFFIXES);
		return product(listing.gtin13(), title, listing.brand(), listing.category(), netPrice, shop,
				this.draws.chance(0.30));
	}

	private AliExpressItem chineseProduct(ProductLine line, int variant) {
		String brand = line.brand().name();
		String shop = this.draws.chance(0.6) ? brand + " Official Store" : this.draws.pick(MARKETPLACE_SHOPS);
		BigDecimal netPrice = EuropeanCountries.netPrice(line.consumerPrice(variant), "DE");
		String title = line.title(variant, " ") + this.draws.pick(CHINESE_SUFFIXES);
		return product(this.gtins.next(line.brand()), title, brand, line.type().category(), netPrice, shop,
				this.draws.chance(0.12));
	}

	private AliExpressItem product(String ean, String title, String brand, String category, BigDecimal netPrice,
			String shop, boolean fromEurope) {
		this.nextProductId += 1 + this.draws.nextLong(5_000_000);
		long productId = this.nextProductId;
		long shopId = this.shopIds.computeIfAbsent(shop, (name) -> 1100000000L + this.draws.nextLong(900_000_000));
		int stock = this.draws.chance(0.03) ? 0 : this.draws.between(1, 2000);
		BigDecimal fee = this.draws.chance(0.6) ? BigDecimal.ZERO.setScale(2) : this.draws.pick(FEES);
		String shipFrom = fromEurope ? this.draws.pick(EU_WAREHOUSES) : AliExpressItem.CHINA;
		int[] days = defaultDays(fromEurope);
		String service = fromEurope ? WAREHOUSE_STANDARD : (days[0] < 10) ? SELECTION_STANDARD : STANDARD_SHIPPING;
		return new AliExpressItem(productId, ean, title, brand, category, images(productId), netPrice,
				scaled(netPrice, 1.25, 2.2), shop, shopId, stock, shipFrom, service, days[0], days[1], fee);
	}

	private int[] defaultDays(boolean fromEurope) {
		if (fromEurope) {
			return new int[] { this.draws.between(3, 4), this.draws.between(5, 7) };
		}
		if (this.draws.chance(0.55)) {
			return new int[] { this.draws.between(6, 8), this.draws.between(10, 12) };
		}
		return new int[] { this.draws.between(15, 19), this.draws.between(24, 30) };
	}

	private BigDecimal scaled(BigDecimal price, double lowest, double highest) {
		return price.multiply(this.draws.factor(lowest, highest)).setScale(2, RoundingMode.HALF_UP);
	}

	private List<String> images(long productId) {
		List<String> images = new ArrayList<>();
		images.add("https://ae01.alicdn.com/kf/" + productId + ".jpg");
		int small = this.draws.between(1, 3);
		for (int i = 2; i <= small + 1; i++) {
			images.add("https://ae01.alicdn.com/kf/" + productId + "_" + i + ".jpg");
		}
		return images;
	}

}
