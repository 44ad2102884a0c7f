package eu.tmall.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * One marketplace's offers by one kind of key, each kept {@code ttl + max-stale} from its
 * fetch, timed by the injected clock so that tests move time instead of waiting for it.
 * <p>
 * An entry past its TTL is refreshed once, however many requests find it so: the first of
 * them claims every such entry it read and asks the marketplace again for all of them in
 * one bulk call (which the marketplace's client splits at the platform's batch limit),
 * pays for it from its own budget as for a miss, and waits for it. Requests that find the
 * refresh in flight do not wait and do not call: they get the previous answer, unmarked,
 * for as long as that one call takes (at most its deadline). When the marketplace fails,
 * the previous answer is served marked {@code stale}, to the request that asked and to
 * every request after it, until a refresh succeeds or {@code max-stale} has passed.
 * <p>
 * With a shared tier a second level in Redis ({@link SharedOffers}) stands between this
 * cache and the marketplace: a miss, or a refresh, first takes what another instance
 * fetched (for a refresh, only what it fetched since the TTL), and what this instance
 * fetches is stored there for the others. This cache then keeps an entry for at most
 * {@code gateway.shared.local-ttl}, so an instance soon sees another's refresh.
 */
final class OfferCache<K, V> {

	// the catalog's logger, as before this class was split from it: log settings name it
	private static final Logger logger = LoggerFactory.getLogger(CachingMarketplaceCatalog.class);

	/**
	 * Where the caches of upstream answers do their upkeep (recording reads, expiring,
	 * evicting): on the thread that reads or writes, under a lock it only tries. Handed
	 * to the common pool, Caffeine's default, a `products` of 50 woke a pool thread and
	 * contended for the cache's lock on nearly every request: 80 µs of its CPU
	 * (bench/RESULTS.md). The loads themselves are reactive and use no executor.
	 */
	static final Executor MAINTENANCE = Runnable::run;

	private final AsyncCache<K, Fetched<V>> cache;

	private final Set<K> refreshing = ConcurrentHashMap.newKeySet();

	private final Clock clock;

	private final Duration ttl;

	private final Function<Set<? extends K>, Mono<Map<K, Fetched<V>>>> load;

	private final UnaryOperator<V> markStale;

	private final @Nullable SharedOffers<K, V> second;

	OfferCache(CacheProperties.Spec spec, Clock clock, Function<Set<? extends K>, Mono<Map<K, Fetched<V>>>> load,
			UnaryOperator<V> markStale) {
		this(spec, clock, load, markStale, null, Duration.ZERO);
	}

	/**
	 * With a second level, an entry stays in this instance's memory for at most
	 * {@code localTtl}, then is read from the second level again, where another instance
	 * may have refreshed it.
	 */
	OfferCache(CacheProperties.Spec spec, Clock clock, Function<Set<? extends K>, Mono<Map<K, Fetched<V>>>> load,
			UnaryOperator<V> markStale, @Nullable SharedOffers<K, V> second, Duration localTtl) {
		Duration lifetime = spec.ttl().plus(spec.maxStale());
		this.cache = Caffeine.newBuilder()
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.expireAfter(Expiry.<K, Fetched<V>>writing((key, fetched) -> local(
					positive(Duration.between(clock.instant(), fetched.fetchedAt().plus(lifetime))), second, localTtl)))
			.maximumSize(spec.maxSize())
			.recordStats()
			.executor(MAINTENANCE)
			.buildAsync();
		this.clock = clock;
		this.ttl = spec.ttl();
		this.load = load;
		this.markStale = markStale;
		this.second = second;
	}

	private static Duration local(Duration remaining, @Nullable SharedOffers<?, ?> second, Duration localTtl) {
		return (second != null && localTtl.compareTo(remaining) < 0) ? localTtl : remaining;
	}

	AsyncCache<K, Fetched<V>> cache() {
		return this.cache;
	}

	/**
	 * The answers for the keys this instance misses: from the second level where another
	 * instance fetched them, else from the marketplace.
	 */
	Mono<Map<K, Fetched<V>>> load(Set<? extends K> keys) {
		return loadThroughSecondLevel(keys, Instant.MIN);
	}

	/**
	 * The second level's entries fetched at {@code notBefore} or later, and the
	 * marketplace's answers for the other keys, which are then stored there too.
	 */
	private Mono<Map<K, Fetched<V>>> loadThroughSecondLevel(Set<? extends K> keys, Instant notBefore) {
		SharedOffers<K, V> shared = this.second;
		if (shared == null) {
			return this.load.apply(keys);
		}
		return shared.getAll(keys).flatMap(stored -> {
			Map<K, Fetched<V>> found = new HashMap<>(stored);
			found.values().removeIf(fetched -> fetched.fetchedAt().isBefore(notBefore));
			Set<K> missing = new HashSet<>(keys);
			missing.removeAll(found.keySet());
			if (missing.isEmpty()) {
				return Mono.just(found);
			}
			return this.load.apply(missing).map(fetched -> {
				shared.putAll(fetched);
				found.putAll(fetched);
				return found;
			});
		});
	}

	/**
	 * The cached answers, those past their TTL refreshed as the class says;
	 * {@code context} is the request's, whose budget pays for a refresh it starts.
	 */
	Mono<Map<K, V>> revalidate(Map<K, Fetched<V>> cached, ContextView context) {
		Instant staleBefore = this.clock.instant().minus(this.ttl);
		Map<K, V> values = new HashMap<>();
		cached.forEach((key, fetched) -> values.put(key,
				fetched.refreshFailed() ? this.markStale.apply(fetched.value()) : fetched.value()));
		Map<K, Fetched<V>> expired = new HashMap<>(cached);
		expired.values().removeIf(fetched -> !fetched.fetchedAt().isBefore(staleBefore));
		Map<K, Fetched<V>> claimed = claim(expired);
		if (claimed.isEmpty()) {
			return Mono.just(values);
		}
		return Mono.fromFuture(refresh(claimed, staleBefore, context), true).map(fresh -> {
			claimed.keySet().forEach(key -> replace(values, key, fresh.get(key)));
			return values;
		}).onErrorResume(OfferCache::servedStale, ex -> Mono.just(values).handle((served, sink) -> {
			// in `handle`, the request's trace is on the thread for the log line
			logger.warn("{}: serving {} stale entries", ex.getMessage(), claimed.size());
			claimed.forEach((key, fetched) -> served.put(key, this.markStale.apply(fetched.value())));
			sink.next(served);
		}));
	}

	/**
	 * The failures an old answer is better than: the marketplace's, and the request
	 * having used up its own upstream budget or time.
	 */
	private static boolean servedStale(Throwable ex) {
		return ex instanceof UpstreamException || ex instanceof RequestLimitException;
	}

	/**
	 * The expired entries no other request is refreshing and that the cache still holds
	 * as they were read, now this request's to refresh. Claimed all at once, so two
	 * requests reading the same keys cannot split them into two calls.
	 */
	private Map<K, Fetched<V>> claim(Map<K, Fetched<V>> expired) {
		synchronized (this.refreshing) {
			Map<K, Fetched<V>> claimed = new HashMap<>(expired);
			claimed.entrySet().removeIf(entry -> !claimable(entry.getKey(), entry.getValue()));
			return claimed;
		}
	}

	private boolean claimable(K key, Fetched<V> fetched) {
		return holds(this.cache.asMap().get(key), fetched) && this.refreshing.add(key);
	}

	/**
	 * The refresh, run in the context of the request that claimed it: the cache is
	 * updated whether or not that request still waits (its client may have left), and the
	 * claims are released once it has.
	 */
	private CompletableFuture<Map<K, Fetched<V>>> refresh(Map<K, Fetched<V>> claimed, Instant staleBefore,
			ContextView context) {
		// another instance may have refreshed them already: its answer is as good as a
		// new one
		return Mono.defer(() -> loadThroughSecondLevel(claimed.keySet(), staleBefore))
			.doOnNext(fresh -> claimed.keySet().forEach(key -> store(key, fresh.get(key))))
			.doOnError(UpstreamException.class, ex -> claimed.forEach(this::failed))
			.doFinally(signal -> this.refreshing.removeAll(claimed.keySet()))
			.contextWrite(context)
			.toFuture();
	}

	/** A key the marketplace no longer answers (an offer withdrawn) is forgotten. */
	private void store(K key, @Nullable Fetched<V> fresh) {
		if (fresh == null) {
			this.cache.synchronous().invalidate(key);
			return;
		}
		this.cache.put(key, CompletableFuture.completedFuture(fresh));
	}

	private void replace(Map<K, V> values, K key, @Nullable Fetched<V> fresh) {
		if (fresh == null) {
			values.remove(key);
			return;
		}
		values.put(key, fresh.value());
	}

	/**
	 * Remembers that the marketplace failed to answer the entry again, so that requests
	 * which do not refresh it themselves serve it marked stale too.
	 */
	private void failed(K key, Fetched<V> fetched) {
		this.cache.asMap()
			.computeIfPresent(key, (k, current) -> holds(current, fetched)
					? CompletableFuture.completedFuture(fetched.withRefreshFailed()) : current);
	}

	private static <V> boolean holds(@Nullable CompletableFuture<Fetched<V>> entry, Fetched<V> fetched) {
		return entry != null && entry.isDone() && !entry.isCompletedExceptionally() && entry.join() == fetched;
	}

	private static Duration positive(Duration duration) {
		return duration.isNegative() ? Duration.ZERO : duration;
	}

	/**
	 * An answer, when it was fetched, which decides whether it is past its TTL, and
	 * whether the marketplace failed to answer it again since.
	 */
	record Fetched<V>(V value, Instant fetchedAt, boolean refreshFailed) {

		Fetched(V value, Instant fetchedAt) {
			this(value, fetchedAt, false);
		}

		Fetched<V> withRefreshFailed() {
			return new Fetched<>(this.value, this.fetchedAt, true);
		}

	}

}
