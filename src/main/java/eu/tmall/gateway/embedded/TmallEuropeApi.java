package eu.tmall.gateway.embedded;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Tmall Europe API paths answered from the catalog: keyword search, and listings by
 * item ids and by GTINs, with the platform's parameter rules.
 */
final class TmallEuropeApi {

	static final String SEARCH = "/products/search";

	static final String BY_IDS = "/products/get";

	static final String BY_GTINS = "/products/gtin/get";

	static final int MAX_BATCH = 50;

	static final int MAX_PAGE_SIZE = 50;

	private static final int DEFAULT_PAGE_SIZE = 20;

	private final EmbeddedCatalog catalog;

	TmallEuropeApi(EmbeddedCatalog catalog) {
		this.catalog = catalog;
	}

	static boolean serves(String path) {
		return SEARCH.equals(path) || BY_IDS.equals(path) || BY_GTINS.equals(path);
	}

	Object answer(String path, RequestParameters parameters) {
		return switch (path) {
			case SEARCH -> search(parameters);
			case BY_IDS -> byIds(parameters);
			case BY_GTINS -> byGtins(parameters);
			default -> throw new PlatformException(ErrorKind.INVALID_API_PATH, "Unknown API path: " + path, 404);
		};
	}

	private TmallJson.SearchData search(RequestParameters parameters) {
		String keywords = parameters.required("q");
		int offset = parameters.integer("offset", 0, 0, Integer.MAX_VALUE);
		int limit = parameters.integer("limit", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
		String shipTo = parameters.country("ship_to");
		List<TmallItem> matches = this.catalog.searchTmall(keywords, parameters.optional("category"),
				parameters.optional("brand"));
		int from = Math.min(offset, matches.size());
		int to = (int) Math.min(matches.size(), (long) offset + limit);
		return new TmallJson.SearchData(matches.size(), offset, listings(matches.subList(from, to), shipTo));
	}

	private TmallJson.ProductsData byIds(RequestParameters parameters) {
		Set<String> ids = new LinkedHashSet<>(parameters.list("item_ids", MAX_BATCH));
		String shipTo = parameters.country("ship_to");
		List<TmallItem> found = new ArrayList<>(ids.size());
		ids.forEach((id) -> this.catalog.tmallItem(id).ifPresent(found::add));
		return new TmallJson.ProductsData(listings(found, shipTo));
	}

	private TmallJson.ProductsData byGtins(RequestParameters parameters) {
		List<String> gtins = GtinParameters.normalised(parameters, "gtins", MAX_BATCH);
		String shipTo = parameters.country("ship_to");
		List<TmallItem> found = new ArrayList<>(gtins.size());
		gtins.forEach((gtin) -> this.catalog.tmallItemByGtin(gtin).ifPresent(found::add));
		return new TmallJson.ProductsData(listings(found, shipTo));
	}

	private static List<TmallJson.Listing> listings(List<TmallItem> items, String shipTo) {
		List<TmallJson.Listing> listings = new ArrayList<>(items.size());
		items.forEach((item) -> listings.add(TmallJson.listing(item, shipTo)));
		return listings;
	}

}
