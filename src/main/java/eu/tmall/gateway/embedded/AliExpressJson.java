package eu.tmall.gateway.embedded;

import java.util.List;

/**
 * The JSON documents of the AliExpress wire contract, written in snake_case.
 */
final class AliExpressJson {

	static final String CURRENCY = "EUR";

	private AliExpressJson() {
	}

	/**
	 * A product as sold to {@code shipTo}: prices with its VAT (IOSS), default delivery
	 * there.
	 */
	static Product product(AliExpressItem item, String shipTo) {
		List<String> images = item.images();
		return new Product(item.productId(), item.ean13(), item.title(), item.brandName(), item.category(),
				images.get(0), new Strings(images.subList(1, images.size())),
				JsonResponses.amount(EuropeanCountries.grossPrice(item.netPrice(), shipTo)), CURRENCY,
				JsonResponses.amount(EuropeanCountries.grossPrice(item.originalNetPrice(), shipTo)), CURRENCY,
				item.shopName(), item.shopId(), item.stock(),
				"https://www.aliexpress.com/item/" + item.productId() + ".html",
				AliExpressDelivery.defaultOption(item, shipTo));
	}

	/**
	 * The key of a method's success envelope, e.g.
	 * {@code aliexpress_affiliate_product_query_response}.
	 */
	static String responseKey(String method) {
		return method.replace('.', '_') + "_response";
	}

	record MethodResponse(RespResult respResult, String requestId) {

	}

	record RespResult(int respCode, String respMsg, Object result) {

		static RespResult succeeded(Object result) {
			return new RespResult(200, "Call succeeds", result);
		}

	}

	record ErrorResponse(String type, String code, String msg, String requestId) {

	}

	record QueryResult(int currentPageNo, int currentRecordCount, int totalRecordCount, Products products) {

	}

	record DetailResult(int currentRecordCount, Products products) {

	}

	record FreightResult(DeliveryOptions deliveryOptions) {

	}

	record Products(List<Product> product) {

	}

	record DeliveryOptions(List<DeliveryOption> deliveryOption) {

	}

	record Strings(List<String> string) {

	}

	record Product(long productId, String ean, String productTitle, String brandName, String firstLevelCategoryName,
			String productMainImageUrl, Strings productSmallImageUrls, String targetSalePrice,
			String targetSalePriceCurrency, String targetOriginalPrice, String targetOriginalPriceCurrency,
			String shopName, long shopId, int availableStock, String productDetailUrl, DeliveryOption defaultDelivery) {

	}

	record DeliveryOption(String shipFromCountry, String serviceName, int minDeliveryDays, int maxDeliveryDays,
			String shippingFee, String shippingFeeCurrency, boolean tracking) {

	}

}
