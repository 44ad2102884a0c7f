package eu.tmall.gateway.embedded;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import eu.tmall.gateway.embedded.AliExpressJson.Product;
import eu.tmall.gateway.embedded.AliExpressJson.Products;

/**
 * The AliExpress methods answered from the catalog: product query, details by ids and by
 * EAN codes, and freight, with the platform's parameter rules.
 */
final class AliExpressApi {

	static final String QUERY = "aliexpress.affiliate.product.query";

	static final String DETAIL = "aliexpress.affiliate.productdetail.get";

	static final String BY_EAN = "aliexpress.affiliate.product.ean.get";

	static final String FREIGHT = "aliexpress.ds.freight.query";

	static final int MAX_BATCH = 20;

	static final int MAX_PAGE_SIZE = 50;

	private static final int DEFAULT_PAGE_SIZE = 20;

	private final EmbeddedCatalog catalog;

	AliExpressApi(EmbeddedCatalog catalog) {
		this.catalog = catalog;
	}

	Object answer(String method, RequestParameters parameters) {
		return switch (method) {
			case QUERY -> query(parameters);
			case DETAIL -> details(parameters);
			case BY_EAN -> byEans(parameters);
			case FREIGHT -> freight(parameters);
			default -> throw new PlatformException(ErrorKind.INVALID_METHOD, "Invalid method: " + method);
		};
	}

	private AliExpressJson.QueryResult query(RequestParameters parameters) {
		String keywords = parameters.required("keywords");
		int pageNo = parameters.integer("page_no", 1, 1, Integer.MAX_VALUE);
		int pageSize = parameters.integer("page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
		String shipTo = destination(parameters);
		List<AliExpressItem> matches = this.catalog.searchAliExpress(keywords);
		int from = (int) Math.min(matches.size(), (long) (pageNo - 1) * pageSize);
		int to = (int) Math.min(matches.size(), (long) from + pageSize);
		List<Product> page = products(matches.subList(from, to), shipTo);
		return new AliExpressJson.QueryResult(pageNo, page.size(), matches.size(), new Products(page));
	}

	private AliExpressJson.DetailResult details(RequestParameters parameters) {
		Set<Long> ids = new LinkedHashSet<>();
		parameters.list("product_ids", MAX_BATCH).forEach((id) -> ids.add(productId("product_ids", id)));
		String shipTo = destination(parameters);
		List<AliExpressItem> found = new ArrayList<>(ids.size());
		ids.forEach((id) -> this.catalog.aliExpressItem(id).ifPresent(found::add));
		return detailResult(found, shipTo);
	}

	private AliExpressJson.DetailResult byEans(RequestParameters parameters) {
		List<String> eans = GtinParameters.normalised(parameters, "ean_codes", MAX_BATCH);
		String shipTo = destination(parameters);
		List<AliExpressItem> found = new ArrayList<>(eans.size());
		eans.forEach((ean) -> this.catalog.aliExpressItemByGtin(ean).ifPresent(found::add));
		return detailResult(found, shipTo);
	}

	private AliExpressJson.FreightResult freight(RequestParameters parameters) {
		String value = parameters.required("product_id");
		if (value.contains(",")) {
			throw PlatformException.invalid("product_id", "exactly one product id per call");
		}
		long productId = productId("product_id", value);
		String shipTo = destination(parameters);
		AliExpressItem item = this.catalog.aliExpressItem(productId)
			.orElseThrow(() -> new PlatformException(ErrorKind.PRODUCT_NOT_FOUND, "Product not found: " + productId));
		return new AliExpressJson.FreightResult(
				new AliExpressJson.DeliveryOptions(AliExpressDelivery.options(item, shipTo)));
	}

	/** The destination; the embedded platform quotes in euros only. */
	private static String destination(RequestParameters parameters) {
		String currency = parameters.optional("target_currency");
		if (currency != null && !AliExpressJson.CURRENCY.equalsIgnoreCase(currency)) {
			throw PlatformException.invalid("target_currency", "only EUR is supported, was " + currency);
		}
		return parameters.country("ship_to_country");
	}

	private static long productId(String parameter, String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw PlatformException.invalid(parameter, "'" + value + "' is not a product id");
		}
	}

	private static AliExpressJson.DetailResult detailResult(List<AliExpressItem> items, String shipTo) {
		List<Product> products = products(items, shipTo);
		return new AliExpressJson.DetailResult(products.size(), new Products(products));
	}

	private static List<Product> products(List<AliExpressItem> items, String shipTo) {
		List<Product> products = new ArrayList<>(items.size());
		items.forEach((item) -> products.add(AliExpressJson.product(item, shipTo)));
		return products;
	}

}
