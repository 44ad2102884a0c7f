package eu.tmall.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
import eu.tmall.gateway.observability.RequestTally;
import eu.tmall.gateway.shared.SharedTier;
import eu.tmall.gateway.upstream.OfferCache.Fetched;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import tools.jackson.databind.json.JsonMapper;

/**
 * One marketplace's answers in shared Caffeine caches, keyed by everything that changes
 * the answer (today the id and the destination: prices are always asked in EUR). The
 * caches hold futures, so concurrent misses for one key share one upstream call; a GTIN
 * the marketplace does not sell is cached as such, a failed call is not cached at all.
 * <p>
 * Offers are kept {@code max-stale} past their TTL (stale-if-error): an offer past its
 * TTL is asked again, once however many requests find it so, while the others keep the
 * previous answer; when the marketplace fails, the old offer is served marked
 * {@link Offer#stale() stale} instead of the error ({@link OfferCache}). Ages come from
 * the injected clock, for every cache.
 */
public class CachingMarketplaceCatalog implements MarketplaceCatalog {

	private final MarketplaceCatalog upstream;

	private final Clock clock;

	private final OfferCache<ProductKey, List<Offer>> byGtin;

	private final OfferCache<OfferKey, Offer> byId;

	private final AsyncCache<SearchKey, SearchHits> searches;

	private final AsyncCache<OfferKey, List<ShippingOption>> freight;

	private final Object claims = new Object();

	/**
	 * The marketplace behind caches, or as it is when caching is off; with a shared tier
	 * the offers have a second level in Redis.
	 */
	public static MarketplaceCatalog wrap(MarketplaceCatalog upstream, CacheProperties properties, Clock clock,
			SharedTier shared, JsonMapper json) {
		return properties.enabled() ? new CachingMarketplaceCatalog(upstream, properties, clock, shared, json)
				: upstream;
	}

	public CachingMarketplaceCatalog(MarketplaceCatalog upstream, CacheProperties properties, Clock clock) {
		this(upstream, properties, clock, SharedTier.off(), JsonMapper.builder().build());
	}

	public CachingMarketplaceCatalog(MarketplaceCatalog upstream, CacheProperties properties, Clock clock,
			SharedTier shared, JsonMapper json) {
		this.upstream = upstream;
		this.clock = clock;
		Duration lifetime = properties.offers().ttl().plus(properties.offers().maxStale());
		Duration localTtl = shared.properties().localTtl();
		String marketplace = upstream.marketplace().name();
		SharedOffers<ProductKey, List<Offer>> gtinsShared = shared.enabled() ? new SharedOffers<>(shared, json,
				"offers-by-gtin", key -> marketplace + ":" + key.gtin().digits() + ":" + key.shipTo(), offers -> offers,
				offers -> offers, lifetime, clock) : null;
		SharedOffers<OfferKey, Offer> idsShared = shared.enabled() ? new SharedOffers<>(shared, json, "offers-by-id",
				key -> marketplace + ":" + key.offerId() + ":" + key.shipTo(), List::of,
				offers -> offers.isEmpty() ? null : offers.get(0), lifetime, clock) : null;
		this.byGtin = new OfferCache<ProductKey, List<Offer>>(properties.offers(), clock, this::loadGtins,
				offers -> offers.stream().map(Offer::asStale).toList(), gtinsShared, localTtl);
		this.byId = new OfferCache<OfferKey, Offer>(properties.offers(), clock, this::loadIds, Offer::asStale,
				idsShared, localTtl);
		this.searches = cache(properties.search(), clock);
		this.freight = cache(properties.freight(), clock);
	}

	@Override
	public Marketplace marketplace() {
		return this.upstream.marketplace();
	}

	@Override
	public Mono<Map<Gtin, List<Offer>>> findByGtins(Collection<Gtin> gtins, CountryCode shipTo) {
		Set<ProductKey> keys = gtins.stream().map(gtin -> new ProductKey(gtin, shipTo)).collect(Collectors.toSet());
		return Mono.deferContextual(context -> cached(this.byGtin, keys, context))
			.map(cached -> rekey(cached, ProductKey::gtin));
	}

	@Override
	public Mono<Map<String, Offer>> findByIds(Collection<String> offerIds, CountryCode shipTo) {
		Set<OfferKey> keys = offerIds.stream()
			.map(id -> new OfferKey(marketplace(), id, shipTo))
			.collect(Collectors.toSet());
		return Mono.deferContextual(context -> cached(this.byId, keys, context))
			.map(cached -> rekey(cached, OfferKey::offerId));
	}

	/** The offers of the keys: misses loaded, those past their TTL revalidated. */
	private <K, V> Mono<Map<K, V>> cached(OfferCache<K, V> offers, Set<K> keys, ContextView context) {
		AsyncCache<K, Fetched<V>> cache = offers.cache();
		return ownLimits(cache, keys, context,
				Mono.fromFuture(() -> claim(() -> cache.getAll(tallied(keys, context),
						(missing, executor) -> missed(offers.load(missing), missing.size(), context)))))
			.flatMap(cached -> offers.revalidate(cached, context));
	}

	/**
	 * Every key gets an answer, an empty list where the marketplace does not sell the
	 * GTIN.
	 */
	private Mono<Map<ProductKey, Fetched<List<Offer>>>> loadGtins(Set<? extends ProductKey> missing) {
		CountryCode shipTo = missing.iterator().next().shipTo();
		Instant now = this.clock.instant();
		return this.upstream.findByGtins(missing.stream().map(ProductKey::gtin).toList(), shipTo)
			.map(found -> CachingMarketplaceCatalog.<ProductKey, Fetched<List<Offer>>>everyKey(missing,
					key -> new Fetched<>(found.getOrDefault(key.gtin(), List.of()), now)));
	}

	private Mono<Map<OfferKey, Fetched<Offer>>> loadIds(Set<? extends OfferKey> missing) {
		CountryCode shipTo = missing.iterator().next().shipTo();
		Instant now = this.clock.instant();
		return this.upstream.findByIds(missing.stream().map(OfferKey::offerId).toList(), shipTo).map(found -> {
			Map<OfferKey, Fetched<Offer>> fetched = new HashMap<>();
			found.forEach(
					(id, offer) -> fetched.put(new OfferKey(marketplace(), id, shipTo), new Fetched<>(offer, now)));
			return fetched;
		});
	}

	@Override
	public Mono<List<ShippingOption>> shippingOptions(Offer offer) {
		return Mono.deferContextual(context -> ownLimits(this.freight, Set.of(offer.key()), context,
				shared(() -> this.freight.get(tallied(offer.key(), context),
						(key, executor) -> missed(this.upstream.shippingOptions(offer), 1, context)))));
	}

	@Override
	public Mono<SearchHits> search(String query, CountryCode shipTo, int offset, int limit) {
		SearchKey page = new SearchKey(query, shipTo, offset, limit);
		return Mono.deferContextual(context -> ownLimits(this.searches, Set.of(page), context,
				shared(() -> this.searches.get(tallied(page, context),
						(key, executor) -> missed(this.upstream.search(query, shipTo, offset, limit), 1, context)))));
	}

	/**
	 * The cached future, which other requests may share: a request that stops waiting for
	 * it (its client left) must not cancel it for them.
	 */
	private static <T> Mono<T> shared(Supplier<CompletableFuture<T>> cached) {
		return Mono.fromFuture(cached, true);
	}

	/** The caches by name, for their metrics. */
	public Map<String, AsyncCache<?, ?>> caches() {
		return Map.of("offers-by-gtin", this.byGtin.cache(), "offers-by-id", this.byId.cache(), "search", this.searches,
				"freight", this.freight);
	}

	/** Forgets every answer, e.g. after a marketplace corrected its catalog. */
	public void invalidateAll() {
		for (AsyncCache<?, ?> cache : List.of(this.byGtin.cache(), this.byId.cache(), this.searches, this.freight)) {
			cache.synchronous().invalidateAll();
		}
	}

	private static <K> K tallied(K key, ContextView context) {
		RequestTally.of(context).cacheLookups(1);
		return key;
	}

	private static <K> Set<K> tallied(Set<K> keys, ContextView context) {
		RequestTally.of(context).cacheLookups(keys.size());
		return keys;
	}

	/**
	 * A lookup that joined another request's upstream call, which that request's budget
	 * or deadline then stopped, is made again as this request's own: its failed entries
	 * are dropped first, so it misses and calls the marketplace itself. One request's
	 * limits never fail another's answer.
	 */
	private static <K, V, T> Mono<T> ownLimits(AsyncCache<K, V> cache, Set<K> keys, ContextView context,
			Mono<T> lookup) {
		RequestBudget budget = RequestBudget.of(context);
		return lookup.onErrorResume(ex -> ex instanceof RequestLimitException limit && limit.budget() != budget, ex -> {
			keys.forEach(key -> cache.asMap()
				.computeIfPresent(key, (k, future) -> future.isCompletedExceptionally() ? null : future));
			return lookup;
		});
	}

	/**
	 * A miss's upstream call, run in the context of the request that missed: the cache
	 * subscribes to it through a future, which would otherwise lose the request's trace
	 * and tally. That request pays for the call: its budget is charged for every attempt
	 * and its deadline bounds it. Requests that join the call while it is in flight pay
	 * nothing, as for any cache hit, and wait for it as long as it takes: at most the
	 * call's deadline, which may outlast their own request's. If its payer's limits stop
	 * it, they make their own ({@link #ownLimits}).
	 */
	private static <T> CompletableFuture<T> missed(Mono<T> load, int keys, ContextView context) {
		RequestTally.of(context).cacheMisses(keys);
		return load.contextWrite(context).toFuture();
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

	private static <K, V> AsyncCache<K, V> cache(CacheProperties.Spec spec, Clock clock) {
		return Caffeine.newBuilder()
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.expireAfterWrite(spec.ttl())
			.maximumSize(spec.maxSize())
			.recordStats()
			.executor(OfferCache.MAINTENANCE)
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
