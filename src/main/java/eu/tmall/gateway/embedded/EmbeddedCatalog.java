package eu.tmall.gateway.embedded;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The deterministic catalog both embedded upstreams serve, indexed by id and by GTIN
 * normalised to 14 digits.
 */
public final class EmbeddedCatalog {

	private static final long SEED = 20260701L;

	private final List<TmallItem> tmallItems;

	private final List<AliExpressItem> aliExpressItems;

	private final Map<String, TmallItem> tmallById;

	private final Map<String, TmallItem> tmallByGtin;

	private final Map<Long, AliExpressItem> aliExpressById;

	private final Map<String, AliExpressItem> aliExpressByGtin;

	private final KeywordIndex<TmallItem> tmallSearch;

	private final KeywordIndex<AliExpressItem> aliExpressSearch;

	EmbeddedCatalog(List<TmallItem> tmallItems, List<AliExpressItem> aliExpressItems) {
		this.tmallItems = List.copyOf(tmallItems);
		this.aliExpressItems = List.copyOf(aliExpressItems);
		this.tmallById = index(tmallItems, TmallItem::itemId);
		this.tmallByGtin = index(tmallItems, (item) -> Gtins.normalise(item.gtin13()));
		this.aliExpressById = index(aliExpressItems, AliExpressItem::productId);
		this.aliExpressByGtin = index(aliExpressItems, (item) -> Gtins.normalise(item.ean13()));
		this.tmallSearch = new KeywordIndex<>(tmallItems,
				(item) -> item.title() + " " + item.brand() + " " + item.category());
		this.aliExpressSearch = new KeywordIndex<>(aliExpressItems,
				(item) -> item.title() + " " + item.brandName() + " " + item.category());
	}

	/** The standard catalog: the same items on every run. */
	public static EmbeddedCatalog generate() {
		Draws draws = new Draws(SEED);
		ProductLineFactory lines = new ProductLineFactory(draws);
		Gs1Numbering gtins = new Gs1Numbering(draws);
		List<TmallItem> tmall = new TmallCatalogGenerator(draws, lines, gtins).generate();
		List<AliExpressItem> aliExpress = new AliExpressCatalogGenerator(draws, lines, gtins).generate(tmall);
		return new EmbeddedCatalog(tmall, aliExpress);
	}

	public List<TmallItem> tmallItems() {
		return this.tmallItems;
	}

	public List<AliExpressItem> aliExpressItems() {
		return this.aliExpressItems;
	}

	public Optional<TmallItem> tmallItem(String itemId) {
		return Optional.ofNullable(this.tmallById.get(itemId));
	}

	/** The Tmall Europe listing of a GTIN-8, -12, -13 or -14, compared on 14 digits. */
	public Optional<TmallItem> tmallItemByGtin(String gtin) {
		String normalised = Gtins.normalise(gtin);
		return (normalised != null) ? Optional.ofNullable(this.tmallByGtin.get(normalised)) : Optional.empty();
	}

	public Optional<AliExpressItem> aliExpressItem(long productId) {
		return Optional.ofNullable(this.aliExpressById.get(productId));
	}

	/** The AliExpress product of a GTIN-8, -12, -13 or -14, compared on 14 digits. */
	public Optional<AliExpressItem> aliExpressItemByGtin(String gtin) {
		String normalised = Gtins.normalise(gtin);
		return (normalised != null) ? Optional.ofNullable(this.aliExpressByGtin.get(normalised)) : Optional.empty();
	}

	/**
	 * Every Tmall Europe listing matching all keywords (in title, brand or category), in
	 * catalog order, optionally only of one category and brand (exact names, any case).
	 */
	public List<TmallItem> searchTmall(String keywords, @Nullable String category, @Nullable String brand) {
		List<TmallItem> matches = this.tmallSearch.search(keywords);
		if (category == null && brand == null) {
			return matches;
		}
		return matches.stream()
			.filter((item) -> category == null || item.category().equalsIgnoreCase(category))
			.filter((item) -> brand == null || item.brand().equalsIgnoreCase(brand))
			.toList();
	}

	/** Every AliExpress product matching all keywords (in title, brand or category). */
	public List<AliExpressItem> searchAliExpress(String keywords) {
		return this.aliExpressSearch.search(keywords);
	}

	/** The GTIN-13s sold on both marketplaces, in Tmall Europe catalog order. */
	public List<String> sharedGtins() {
		return this.tmallItems.stream()
			.map(TmallItem::gtin13)
			.filter((gtin) -> this.aliExpressByGtin.containsKey(Gtins.normalise(gtin)))
			.toList();
	}

	private static <K, T> Map<K, T> index(List<T> items, Function<T, @Nullable K> key) {
		return items.stream()
			.collect(Collectors.toUnmodifiableMap((item) -> Objects.requireNonNull(key.apply(item)),
					Function.identity()));
	}

}
