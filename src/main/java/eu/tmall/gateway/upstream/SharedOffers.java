package eu.tmall.gateway.upstream;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import eu.tmall.gateway.catalog.Brand;
import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.catalog.Marketplace;
import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.delivery.Shipment;
import eu.tmall.gateway.pricing.Currency;
import eu.tmall.gateway.pricing.Money;
import eu.tmall.gateway.shared.ShapeVersion;
import eu.tmall.gateway.shared.SharedTier;
import eu.tmall.gateway.upstream.OfferCache.Fetched;
import io.lettuce.core.KeyValue;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offers' second cache level, in Redis: what one instance fetched from a marketplace,
 * read by the others instead of asking the marketplace again. An entry is kept for the
 * offers' TTL plus their max-stale from its fetch, as in the first level, and carries its
 * fetch time, so every instance judges its age alike.
 * <p>
 * Entries are JSON of records of their own ({@link Entry}), not of the domain's, and
 * their keys carry the {@link ShapeVersion} of those records: a build that stores another
 * shape uses other keys. Any failure of Redis is a miss; it never fails a request.
 */
final class SharedOffers<K, V> {

	static final String USE = "offers";

	/** Raise it when the entries' meaning changes and their shape does not. */
	private static final int EPOCH = 1;

	static final String VERSION = ShapeVersion.of(Entry.class, EPOCH);

	private final SharedTier tier;

	private final JsonMapper json;

	private final String kind;

	private final Function<K, String> id;

	private final Function<V, List<Offer>> offers;

	private final Function<List<Offer>, @Nullable V> value;

	private final Duration lifetime;

	private final Clock clock;

	SharedOffers(SharedTier tier, JsonMapper json, String kind, Function<K, String> id, Function<V, List<Offer>> offers,
			Function<List<Offer>, @Nullable V> value, Duration lifetime, Clock clock) {
		this.tier = tier;
		this.json = json;
		this.kind = kind;
		this.id = id;
		this.offers = offers;
		this.value = value;
		this.lifetime = lifetime;
		this.clock = clock;
	}

	/** The entries Redis holds for the keys; none when it is away. */
	Mono<Map<K, Fetched<V>>> getAll(Collection<? extends K> keys) {
		List<K> ordered = new ArrayList<>(keys);
		String[] redisKeys = ordered.stream().map(this::key).toArray(String[]::new);
		return this.tier.call(USE, redis -> redis.mget(redisKeys).collectList())
			.map(values -> decode(ordered, values))
			.defaultIfEmpty(Map.of());
	}

	/** Stores the entries for the other instances; nobody waits for it. */
	void putAll(Map<? extends K, Fetched<V>> entries) {
		if (!this.tier.available()) {
			this.tier.fellBack(USE);
			return;
		}
		Instant now = this.clock.instant();
		List<Mono<String>> writes = new ArrayList<>();
		entries.forEach((key, fetched) -> {
			long ttl = Duration.between(now, fetched.fetchedAt().plus(this.lifetime)).toMillis();
			if (ttl > 0) {
				String redisKey = key(key);
				byte[] entry = this.json.writeValueAsBytes(Entry.of(fetched, this.offers));
				writes.add(this.tier.call(USE, redis -> redis.psetex(redisKey, ttl, entry)));
			}
		});
		if (!writes.isEmpty()) {
			Flux.merge(writes).subscribe();
		}
	}

	private Map<K, Fetched<V>> decode(List<K> keys, List<KeyValue<String, byte[]>> values) {
		Map<K, Fetched<V>> found = new HashMap<>();
		for (int i = 0; i < keys.size() && i < values.size(); i++) {
			KeyValue<String, byte[]> stored = values.get(i);
			Fetched<V> fetched = stored.hasValue() ? fetched(stored.getValue()) : null;
			if (fetched != null) {
				found.put(keys.get(i), fetched);
			}
		}
		this.tier.looked(USE, found.size(), keys.size() - found.size());
		return found;
	}

	/** An entry that does not read back is a miss: the marketplace is asked again. */
	private @Nullable Fetched<V> fetched(byte[] stored) {
		try {
			Entry entry = this.json.readValue(stored, Entry.class);
			V read = this.value.apply(entry.offers().stream().map(CachedOffer::offer).toList());
			return (read != null) ? new Fetched<>(read, Instant.ofEpochMilli(entry.fetchedAt())) : null;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return null;
		}
	}

	private String key(K key) {
		return this.tier.key(this.kind, VERSION, this.id.apply(key));
	}

	/**
	 * What Redis holds for a key: the offers as they were fetched, and when.
	 *
	 * @param fetchedAt epoch milliseconds of the fetch
	 * @param offers the offers, none for a GTIN the marketplace does not sell
	 */
	record Entry(long fetchedAt, List<CachedOffer> offers) {

		static <V> Entry of(Fetched<V> fetched, Function<V, List<Offer>> offers) {
			return new Entry(fetched.fetchedAt().toEpochMilli(),
					offers.apply(fetched.value()).stream().map(CachedOffer::of).toList());
		}

	}

	/**
	 * An offer as stored: plain values, the amounts in EUR as decimal strings. Never
	 * stale: staleness is the serving instance's verdict on the fetch time.
	 */
	record CachedOffer(String marketplace, String offerId, String gtin, String title, @Nullable String brand,
			@Nullable String brandCountry, @Nullable String category, List<String> images, @Nullable String seller,
			String price, String shippingFee, String shipsFrom, int minDays, int maxDays, @Nullable String carrier,
			@Nullable Integer stock, String url, String shipTo) {

		static CachedOffer of(Offer offer) {
			Brand brand = offer.brand();
			return new CachedOffer(offer.marketplace().name(), offer.offerId(), offer.gtin().digits(), offer.title(),
					(brand != null) ? brand.name() : null,
					(brand != null && brand.country() != null) ? brand.country().value() : null, offer.category(),
					offer.images(), offer.seller(), offer.price().amount().toPlainString(),
					offer.shippingFee().amount().toPlainString(), offer.shipment().shipsFrom().value(),
					offer.shipment().minDays(), offer.shipment().maxDays(), offer.shipment().carrier(), offer.stock(),
					offer.url().toString(), offer.shipTo().value());
		}

		Offer offer() {
			Brand owner = (this.brand != null)
					? new Brand(this.brand, (this.brandCountry != null) ? CountryCode.of(this.brandCountry) : null)
					: null;
			return new Offer(Marketplace.valueOf(this.marketplace), this.offerId, new Gtin(this.gtin), this.title,
					owner, this.category, this.images, this.seller, euros(this.price), euros(this.shippingFee),
					new Shipment(CountryCode.of(this.shipsFrom), this.minDays, this.maxDays, this.carrier), this.stock,
					URI.create(this.url), CountryCode.of(this.shipTo));
		}

		private static Money euros(String amount) {
			return new Money(new BigDecimal(amount), Currency.EUR);
		}

	}

}
