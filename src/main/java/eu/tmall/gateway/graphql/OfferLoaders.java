package eu.tmall.gateway.graphql;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.catalog.Marketplace;
import eu.tmall.gateway.catalog.MarketplaceCatalog;
import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.catalog.OfferKey;
import eu.tmall.gateway.catalog.ProductKey;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.delivery.ShippingOption;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.dataloader.Try;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;

/**
 * The request-scoped DataLoaders: per marketplace, offers by GTIN and an offer by id.
 * Each is a mapped batch loader, so what a marketplace does not know stays absent instead
 * of shifting rows; a batch for several destinations makes one upstream call per
 * destination.
 */
@Configuration(proxyBeanMethods = false)
class OfferLoaders {

	static final String SHIPPING_OPTIONS = "shippingOptions";

	static final String BATCH_SIZE = "gateway.dataloader.batch.size";

	OfferLoaders(BatchLoaderRegistry registry, List<MarketplaceCatalog> marketplaces, LoaderProperties properties,
			MeterRegistry meters) {
		Map<Marketplace, MarketplaceCatalog> byMarketplace = marketplaces.stream()
			.collect(Collectors.toMap(MarketplaceCatalog::marketplace, Function.identity()));
		// one offer's failed freight call must fail that offer's field only: the batch
		// answers a Try per offer, which the DataLoader unwraps into that offer's future
		DistributionSummary freightBatches = batchSizes(SHIPPING_OPTIONS, meters);
		registry.<Offer, Try<List<ShippingOption>>>forName(SHIPPING_OPTIONS)
			.registerMappedBatchLoader((offers, env) -> Flux.fromIterable(sized(offers, freightBatches))
				.flatMap(offer -> byMarketplace.get(offer.marketplace())
					.shippingOptions(offer)
					.map(Try::succeeded)
					.onErrorResume(ex -> Mono.just(Try.failed(ex)))
					.map(options -> Map.entry(offer, options)), properties.freightConcurrency())
				.collectMap(Map.Entry::getKey, Map.Entry::getValue));
		for (MarketplaceCatalog marketplace : marketplaces) {
			DistributionSummary byGtinBatches = batchSizes(byGtin(marketplace.marketplace()), meters);
			registry.<ProductKey, List<Offer>>forName(byGtin(marketplace.marketplace()))
				.registerMappedBatchLoader((keys, env) -> perDestination(sized(keys, byGtinBatches), ProductKey::shipTo,
						ProductKey::gtin, marketplace::findByGtins, ProductKey::new));
			DistributionSummary byIdBatches = batchSizes(byId(marketplace.marketplace()), meters);
			registry.<OfferKey, Offer>forName(byId(marketplace.marketplace()))
				.registerMappedBatchLoader((keys, env) -> perDestination(sized(keys, byIdBatches), OfferKey::shipTo,
						OfferKey::offerId, marketplace::findByIds,
						(id, shipTo) -> new OfferKey(marketplace.marketplace(), id, shipTo)));
		}
	}

	static String byGtin(Marketplace marketplace) {
		return marketplace.name() + ".offersByGtin";
	}

	static String byId(Marketplace marketplace) {
		return marketplace.name() + ".offerById";
	}

	/**
	 * Registered once per loader: looking the meter up again on every batch costs more
	 * than recording into it.
	 */
	private static DistributionSummary batchSizes(String loader, MeterRegistry meters) {
		return DistributionSummary.builder(BATCH_SIZE)
			.description("Keys per DataLoader batch")
			.tag("loader", loader)
			.serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100)
			.register(meters);
	}

	/** Records the batch's size: how well the request's lookups were batched. */
	private static <K> Set<K> sized(Set<K> keys, DistributionSummary batchSizes) {
		batchSizes.record(keys.size());
		return keys;
	}

	private static <K, I, V> Mono<Map<K, V>> perDestination(Set<K> keys, Function<K, CountryCode> shipTo,
			Function<K, I> id, BiFunction<Collection<I>, CountryCode, Mono<Map<I, V>>> lookup,
			BiFunction<I, CountryCode, K> key) {
		Map<CountryCode, List<I>> byDestination = keys.stream()
			.collect(Collectors.groupingBy(shipTo, Collectors.mapping(id, Collectors.toList())));
		return Flux.fromIterable(byDestination.entrySet())
			.flatMap(group -> lookup.apply(group.getValue(), group.getKey())
				.flatMapIterable(Map::entrySet)
				.map(found -> Map.entry(key.apply(found.getKey(), group.getKey()), found.getValue())))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

}
