package eu.tmall.gateway.embedded;

import java.math.BigDecimal;
import java.util.List;

/**
 * A Tmall Europe listing as the embedded upstream stores it: everything but what depends
 * on the destination (consumer price, delivery days, shipping fee), which is derived per
 * {@code ship_to} when answering.
 *
 * @param itemId the Tmall Europe item id, e.g. {@code TE1000123}
 * @param gtin13 the product's GTIN-13
 * @param title the listing title
 * @param brand the brand name
 * @param brandCountry the ISO country of the brand
 * @param category the catalog category
 * @param images the image URLs, the main one first
 * @param netPrice the price in EUR before VAT
 * @param stock the units in stock
 * @param seller the selling store
 * @param warehouseCountry the ISO country of the warehouse the item ships from
 * @param carrier the carrier that delivers it
 * @param dispatchDays the days before the parcel leaves the warehouse (0 or 1)
 * @param crossBorderShippingFee the EUR fee for delivery to another country; domestic
 * delivery is free
 */
public record TmallItem(String itemId, String gtin13, String title, String brand, String brandCountry, String category,
		List<String> images, BigDecimal netPrice, int stock, String seller, String warehouseCountry, String carrier,
		int dispatchDays, BigDecimal crossBorderShippingFee) {

	public TmallItem {
		images = List.copyOf(images);
	}

}
