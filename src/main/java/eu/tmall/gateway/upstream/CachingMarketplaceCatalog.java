package eu.tmall.gateway.upstream;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.catalog.Marketplace;
import eu.tmall.gateway.catalog.MarketplaceCatalog;
import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.catalog.OfferKey;
import eu.tmall.gateway.catalog.ProductKey;
import eu.tmall.gateway.catalog.SearchHits;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.delivery.ShippingOption;
import reactor.core.publisher.Mono;

/**
 * One marketplace's answers in shared Caffeine caches, keyed by everything that changes
 * the answer (today the id and the destination: prices are always asked in EUR). The
 * caches hold futures, so concurrent misses for one key share one upstream call; a GTIN
 * the marketplace does not sell is cached as such, a failed call is not cached at all.
 */
public class CachingMarketplaceCatalog implements MarketplaceCatalog {

	private final MarketplaceCatalog upstream;

	private final AsyncCache<ProductKey, List<Offer>> byGtin;

	private final AsyncCache<OfferKey, Offer> byId;

	private final AsyncCache<SearchKey, SearchHits> searches;

	private final AsyncCache<OfferKey, List<ShippingOption>> freight;

	private final Object claims = new Object();

	/** The marketplace behind caches, or as it is when caching is off. */
	public static MarketplaceCatalog wrap(MarketplaceCatalog upstream, CacheProperties properties) {
		return properties.enabled() ? new CachingMarketplaceCatalog(upstream, properties) : upstream;
	}

	public CachingMarketplaceCatalog(MarketplaceCatalog upstream, CacheProperties properties) {
		this.upstream = upstream;
		this.byGtin = cache(properties.offers());
		this.byId = cache(properties.offers());
		this.searches = cache(properties.search());
		this.freight = cache(properties.freight());
	}

	@Override
	public Marketplace marketplace() {
		return this.upstream.marketplace();
	}

	@Override
	public Mono<Map<Gtin, List<Offer>>> findByGtins(Collection<Gtin> gtins, CountryCode shipTo) {
		Set<ProductKey> keys = gtins.stream().map(gtin -> new ProductKey(gtin, shipTo)).collect(Collectors.toSet());
		return Mono.fromFuture(() -> claim(() -> this.byGtin.getAll(keys, (missing, executor) -> loadGtins(missing))))
			.map(cached -> rekey(cached, ProductKey::gtin));
	}

	@Override
	public Mono<Map<String, Offer>> findByIds(Collection<String> offerIds, CountryCode shipTo) {
		Set<OfferKey> keys = offerIds.stream()
			.map(id -> new OfferKey(marketplace(), id, shipTo))
			.collect(Collectors.toSet());
		return Mono.fromFuture(() -> claim(() -> this.byId.getAll(keys, (missing, executor) -> loadIds(missing))))
			.map(cached -> rekey(cached, OfferKey::offerId));
	}

	/**
	 * Every key gets an answer, an empty list where the marketplace does not sell the
	 * GTIN.
	 */
	private CompletableFuture<Map<ProductKey, List<Offer>>> loadGtins(Set<? extends ProductKey> missing) {
		CountryCode shipTo = missing.iterator().next().shipTo();
		return this.upstream.findByGtins(missing.stream().map(ProductKey::gtin).toList(), shipTo)
			.map(found -> CachingMarketplaceCatalog.<ProductKey, List<Offer>>everyKey(missing,
					key -> found.getOrDefault(key.gtin(), List.of())))
			.toFuture();
	}

	private CompletableFuture<Map<OfferKey, Offer>> loadIds(Set<? extends OfferKey> missing) {
		CountryCode shipTo = missing.iterator().next().shipTo();
		return this.upstream.findByIds(missing.stream().map(OfferKey::offerId).toList(), shipTo)
			.map(found -> rekey(found, id -> new OfferKey(marketplace(), id, shipTo)))
			.toFuture();
	}

	@Override
	public Mono<List<ShippingOption>> shippingOptions(Offer offer) {
		return Mono.fromFuture(() -> this.freight.get(offer.key(),
				(key, executor) -> this.upstream.shippingOptions(offer).toFuture()));
	}

	@Override
	public Mono<SearchHits> search(String query, CountryCode shipTo, int offset, int limit) {
		return Mono.fromFuture(() -> this.searches.get(new SearchKey(query, shipTo, offset, limit),
				(key, executor) -> this.upstream.search(query, shipTo, offset, limit).toFuture()));
	}

	/**
	 * Runs a bulk lookup's claim on its missing keys alone. Caffeine shares in-flight
	 * loads per key, but two identical batches racing could each claim half the keys and
	 * make two upstream calls; claiming only inserts futures and subscribes to the call,
	 * so the lock is brief.
	 */
	private <T> T claim(Supplier<T> lookup) {
		synchronized (this.claims) {
			return lookup.get();
		}
	}

	private static <K, V> AsyncCache<K, V> cache(CacheProperties.Spec spec) {
		return Caffeine.newBuilder()
			.expireAfterWrite(spec.ttl())
			.maximumSize(spec.maxSize())
			.recordStats()
			.buildAsync();
	}

	private static <K, V> Map<K, V> everyKey(Set<? extends K> keys, Function<K, V> value) {
		Map<K, V> all = new HashMap<>();
		keys.forEach(key -> all.put(key, value.apply(key)));
		return all;
	}

	private static <K, L, V> Map<L, V> rekey(Map<K, V> map, Function<K, L> key) {
		Map<L, V> rekeyed = new HashMap<>();
		map.forEach((k, v) -> rekeyed.put(key.apply(k), v));
		return rekeyed;
	}

	private record SearchKey(String query, CountryCode shipTo, int offset, int limit) {

	}

}
