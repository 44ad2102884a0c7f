package eu.tmall.gateway.graphql;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
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
import graphql.GraphQLContext;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoaderWithContext;
import org.dataloader.Try;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ContextPropagationHelper;
import org.springframework.graphql.execution.DataLoaderRegistrar;
import org.springframework.stereotype.Component;

/**
 * The request-scoped DataLoaders: per marketplace, offers by GTIN and an offer by id.
 * Each is a mapped batch loader, so what a marketplace does not know stays absent instead
 * of shifting rows; a batch for several destinations makes one upstream call per
 * destination.
 * <p>
 * Registered with java-dataloader directly rather than through spring-graphql's
 * {@code BatchLoaderRegistry}, which sets the request's thread locals (trace scope and
 * logging context included) around every batch and restores them after: a tenth of a
 * cached {@code product}'s CPU. A batch only builds its upstream calls, which read the
 * request's trace, budget and tally from their Reactor context; it gets them there.
 */
@Component
class OfferLoaders implements DataLoaderRegistrar {

	static final String SHIPPING_OPTIONS = "shippingOptions";

	static final String BATCH_SIZE = "gateway.dataloader.batch.size";

	private final Map<String, MappedBatchLoaderWithContext<?, ?>> loaders = new LinkedHashMap<>();

	OfferLoaders(List<MarketplaceCatalog> marketplaces, LoaderProperties properties, MeterRegistry meters) {
		Map<Marketplace, MarketplaceCatalog> byMarketplace = marketplaces.stream()
			.collect(Collectors.toMap(MarketplaceCatalog::marketplace, Function.identity()));
		// one offer's failed freight call must fail that offer's field only: the batch
		// answers a Try per offer, which the DataLoader unwraps into that offer's future
		DistributionSummary freightBatches = batchSizes(SHIPPING_OPTIONS, meters);
		this.<Offer, Try<List<ShippingOption>>>register(SHIPPING_OPTIONS,
				offers -> Flux.fromIterable(sized(offers, freightBatches))
					.flatMap(offer -> byMarketplace.get(offer.marketplace())
						.shippingOptions(offer)
						.map(Try::succeeded)
						.onErrorResume(ex -> Mono.just(Try.failed(ex)))
						.map(options -> Map.entry(offer, options)), properties.freightConcurrency())
					.collectMap(Map.Entry::getKey, Map.Entry::getValue));
		for (MarketplaceCatalog marketplace : marketplaces) {
			DistributionSummary byGtinBatches = batchSizes(byGtin(marketplace.marketplace()), meters);
			this.<ProductKey, List<Offer>>register(byGtin(marketplace.marketplace()),
					keys -> perDestination(sized(keys, byGtinBatches), ProductKey::shipTo, ProductKey::gtin,
							marketplace::findByGtins, ProductKey::new));
			DistributionSummary byIdBatches = batchSizes(byId(marketplace.marketplace()), meters);
			this.<OfferKey, Offer>register(byId(marketplace.marketplace()),
					keys -> perDestination(sized(keys, byIdBatches), OfferKey::shipTo, OfferKey::offerId,
							marketplace::findByIds,
							(id, shipTo) -> new OfferKey(marketplace.marketplace(), id, shipTo)));
		}
	}

	@Override
	public void registerDataLoaders(DataLoaderRegistry registry, GraphQLContext context) {
		DataLoaderOptions options = DataLoaderOptions.newOptions().setBatchLoaderContextProvider(() -> context).build();
		this.loaders.forEach((name, loader) -> registry.register(name,
				DataLoaderFactory.newMappedDataLoader(name, loader, options)));
	}

	private <K, V> void register(String name, Function<Set<K>, Mono<Map<K, V>>> batch) {
		this.loaders.put(name, (MappedBatchLoaderWithContext<K, V>) (keys, env) -> load(batch, keys, env));
	}

	/**
	 * The batch's calls, in the request's Reactor context (saved in its GraphQL context).
	 */
	private static <K, V> CompletionStage<Map<K, V>> load(Function<Set<K>, Mono<Map<K, V>>> batch, Set<K> keys,
			BatchLoaderEnvironment env) {
		ContextSnapshot request = ContextPropagationHelper.captureFrom(env.<GraphQLContext>getContext());
		return Mono.defer(() -> batch.apply(keys)).contextWrite(request::updateContext).toFuture();
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
