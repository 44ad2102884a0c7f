package eu.tmall.gateway.embedded;

import java.math.BigDecimal;
import java.util.List;

/**
 * An AliExpress product as the embedded upstream stores it: prices before VAT and the
 * default delivery to another country, from which the answer for one
 * {@code ship_to_country} is derived.
 *
 * @param productId the AliExpress product id
 * @param ean13 the product's EAN (GTIN-13)
 * @param title the product title
 * @param brandName the brand name
 * @param category the first-level category
 * @param images the image URLs, the main one first
 * @param netPrice the sale price in EUR before VAT
 * @param originalNetPrice the struck-through "original" price in EUR before VAT
 * @param shopName the store selling it
 * @param shopId the store id
 * @param stock the units available
 * @param shipFromCountry {@code CN} or the EU country of the warehouse it ships from
 * @param serviceName the default shipping service
 * @param minDays the fewest delivery days of the default service (to a country other than
 * the warehouse's)
 * @param maxDays the most delivery days of the default service (to a country other than
 * the warehouse's)
 * @param shippingFee the EUR fee of the default service
 */
public record AliExpressItem(long productId, String ean13, String title, String brandName, String category,
		List<String> images, BigDecimal netPrice, BigDecimal originalNetPrice, String shopName, long shopId, int stock,
		String shipFromCountry, String serviceName, int minDays, int maxDays, BigDecimal shippingFee) {

	/** Where the products that do not ship from an EU warehouse come from. */
	public static final String CHINA = "CN";

	public AliExpressItem {
		images = List.copyOf(images);
	}

	public boolean shipsFromEurope() {
		return !CHINA.equals(this.shipFromCountry);
	}

}
