package eu.tmall.gateway.embedded;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A model of a brand, e.g. the Sennheiser Momentum 4 Wireless Headphones, sold in one or
 * more variants that each have their own GTIN.
 *
 * @param brand the brand
 * @param type the product type
 * @param model the series and model number, e.g. {@code Momentum 4}
 * @param consumerPrice the German consumer price (incl. VAT) of the first variant
 * @param variants the variants sold, empty when the type has none
 */
record ProductLine(Brand brand, ProductTypes.ProductType type, String model, BigDecimal consumerPrice,
		List<String> variants) {

	private static final BigDecimal VARIANT_STEP = new BigDecimal("0.10");

	String title() {
		return this.brand.name() + " " + this.model + " " + this.type.name();
	}

	/** The title of one variant, joined the way the marketplace writes it. */
	String title(int variant, String separator) {
		return this.variants.isEmpty() ? title() : title() + separator + this.variants.get(variant);
	}

	int variantCount() {
		return Math.max(1, this.variants.size());
	}

	/** Bigger sizes and capacities cost more; colours do not. */
	BigDecimal consumerPrice(int variant) {
		if (this.variants.isEmpty() || !this.variants.get(variant).matches(".*\\d.*")) {
			return this.consumerPrice;
		}
		BigDecimal surcharge = BigDecimal.ONE.add(VARIANT_STEP.multiply(BigDecimal.valueOf(variant)));
		return this.consumerPrice.multiply(surcharge).setScale(0, RoundingMode.DOWN).subtract(new BigDecimal("0.01"));
	}

}
