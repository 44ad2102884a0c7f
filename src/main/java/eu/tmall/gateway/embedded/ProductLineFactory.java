package eu.tmall.gateway.embedded;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Invents product lines for a brand: a series from its ranges, a model number, a price in
 * the brand's tier of the type's range, and a few variants; no two lines share a title.
 */
final class ProductLineFactory {

	private static final int MAX_ATTEMPTS = 1000;

	private static final int MAX_VARIANTS = 3;

	private final Draws draws;

	private final Set<String> titles = new HashSet<>();

	ProductLineFactory(Draws draws) {
		this.draws = draws;
	}

	/**
	 * A new product line of the brand.
	 * @param priceFactor scales the type's price range (Chinese brands sell for less)
	 */
	ProductLine next(Brand brand, double priceFactor) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Brand.Range range = this.draws.pick(brand.ranges());
			ProductTypes.ProductType type = this.draws.pick(range.types());
			String model = this.draws.pick(range.series()) + " " + modelNumber(this.draws.pick(brand.modelDigits()));
			ProductLine line = new ProductLine(brand, type, model, price(type, brand.priceTier(), priceFactor),
					variants(type.variants()));
			if (this.titles.add(line.title())) {
				return line;
			}
		}
		throw new IllegalStateException("No new product line left for " + brand.name());
	}

	private String modelNumber(int digits) {
		int number = switch (digits) {
			case 1 -> this.draws.between(2, 9);
			case 2 -> this.draws.between(10, 99);
			case 3 -> this.draws.between(10, 99) * 10;
			case 4 -> this.draws.between(100, 999) * 10;
			default -> this.draws.between(10000, 79999);
		};
		return String.valueOf(number);
	}

	private BigDecimal price(ProductTypes.ProductType type, int tier, double priceFactor) {
		double lowest = type.lowestPrice().doubleValue();
		double span = type.highestPrice().doubleValue() - lowest;
		double raw = (lowest + span * (tier + this.draws.factor(0, 1).doubleValue()) / 3) * priceFactor;
		return marketingPrice(raw);
	}

	/** 49.99 below a hundred euros, 129.90 above. */
	private static BigDecimal marketingPrice(double raw) {
		if (raw < 100) {
			return BigDecimal.valueOf(Math.max(1, Math.floor(raw))).add(new BigDecimal("0.99"));
		}
		return BigDecimal.valueOf(Math.floor(raw / 10) * 10).subtract(new BigDecimal("0.10"));
	}

	private List<String> variants(List<String> available) {
		if (available.isEmpty()) {
			return List.of();
		}
		int count = this.draws.between(1, Math.min(MAX_VARIANTS, available.size()));
		int start = this.draws.between(0, available.size() - count);
		return List.copyOf(available.subList(start, start + count));
	}

}
