package eu.tmall.gateway.embedded;

import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON documents of the Tmall Europe wire contract, written in snake_case.
 */
final class TmallJson {

	static final String CURRENCY = "EUR";

	private TmallJson() {
	}

	/**
	 * A listing as delivered to {@code shipTo}: price with its VAT, delivery from the
	 * warehouse.
	 */
	static Listing listing(TmallItem item, String shipTo) {
		return new Listing(item.itemId(), item.gtin13(), item.title(), item.brand(), item.brandCountry(),
				item.category(), item.images(),
				JsonResponses.amount(EuropeanCountries.grossPrice(item.netPrice(), shipTo)), CURRENCY, item.stock(),
				item.seller(), "https://www.tmall.eu/item/" + item.itemId(), item.warehouseCountry(),
				delivery(item, shipTo));
	}

	/**
	 * Domestic parcels arrive in one or two days in total, parcels to another country of
	 * the same region in two to four, elsewhere in three to five.
	 */
	private static Delivery delivery(TmallItem item, String shipTo) {
		int dispatch = item.dispatchDays();
		String warehouse = item.warehouseCountry();
		if (warehouse.equals(shipTo)) {
			return new Delivery(dispatch, 1, 2 - dispatch, item.carrier(), JsonResponses.amount(BigDecimal.ZERO));
		}
		int extra = EuropeanCountries.sameRegion(warehouse, shipTo) ? 0 : 1;
		return new Delivery(dispatch, 2 + extra - dispatch, 4 + extra - dispatch, item.carrier(),
				JsonResponses.amount(item.crossBorderShippingFee()));
	}

	record Success(String code, Object data, String requestId) {

		Success(Object data, String requestId) {
			this("0", data, requestId);
		}

	}

	record Error(String type, String code, String message, String requestId) {

	}

	record SearchData(int totalProducts, int offset, List<Listing> products) {

	}

	record ProductsData(List<Listing> products) {

	}

	record Listing(String itemId, String gtin, String title, String brand, String brandCountry, String category,
			List<String> images, String price, String currency, int stock, String seller, String url,
			String warehouseCountry, Delivery delivery) {

	}

	record Delivery(int dispatchDays, int transitMinDays, int transitMaxDays, String carrier, String shippingFee) {

	}

}
