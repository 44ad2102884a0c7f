package eu.tmall.gateway.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import eu.tmall.gateway.catalog.Marketplace;
import eu.tmall.gateway.catalog.MarketplaceFailure;
import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.catalog.OfferKey;
import eu.tmall.gateway.catalog.Product;
import eu.tmall.gateway.catalog.ProductKey;
import eu.tmall.gateway.catalog.Quote;
import eu.tmall.gateway.catalog.QuotedProduct;
import eu.tmall.gateway.catalog.Quoter;
import eu.tmall.gateway.pricing.Currency;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Builds products from every marketplace's offers, loaded through the request's
 * DataLoaders so the marketplaces are asked concurrently and in batches, and quotes them
 * in the shopper's currency and language. A marketplace that fails removes its offers and
 * adds one error; the other's data still comes back.
 */
@Component
class ProductAssembler {

	private final GraphQlErrors errors;

	private final Quoter quoter;

	ProductAssembler(GraphQlErrors errors, Quoter quoter) {
		this.errors = errors;
		this.quoter = quoter;
	}

	CompletableFuture<DataFetcherResult<@Nullable QuotedProduct>> one(ProductKey key, Currency currency,
			DataFetchingEnvironment env) {
		return all(List.of(key), currency, env)
			.thenApply(result -> DataFetcherResult.<@Nullable QuotedProduct>newResult()
				.data(result.getData().get(0))
				.errors(result.getErrors())
				.localContext(result.getLocalContext())
				.build());
	}

	/**
	 * The offer of a global id, quoted in the id's currency and answering in the language
	 * of the id's destination; no data when the marketplace no longer has it.
	 */
	CompletableFuture<DataFetcherResult<@Nullable Quote>> offer(GlobalId.OfferNode node, DataFetchingEnvironment env) {
		OfferKey key = node.key();
		DataLoader<OfferKey, Offer> loader = Objects
			.requireNonNull(env.getDataLoader(OfferLoaders.byId(key.marketplace())));
		Locale language = ShopperLanguage.of(env, key.shipTo());
		return loader.load(key)
			.thenApply(found -> DataFetcherResult.<@Nullable Quote>newResult()
				.data((found != null) ? this.quoter.quote(found, node.currency()) : null)
				.localContext(language)
				.build());
	}

	CompletableFuture<DataFetcherResult<List<@Nullable QuotedProduct>>> all(List<ProductKey> keys, Currency currency,
			DataFetchingEnvironment env) {
		List<CompletableFuture<MarketplaceOffers>> loads = new ArrayList<>();
		for (Marketplace marketplace : Marketplace.values()) {
			DataLoader<ProductKey, List<Offer>> loader = env.getDataLoader(OfferLoaders.byGtin(marketplace));
			if (loader != null) {
				loads.add(loader.loadMany(keys)
					.thenApply(MarketplaceOffers::found)
					.exceptionally(ex -> MarketplaceOffers.failed(marketplace, ex)));
			}
		}
		return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
			.thenApply(done -> assemble(keys, currency, loads.stream().map(CompletableFuture::join).toList(), env));
	}

	private DataFetcherResult<List<@Nullable QuotedProduct>> assemble(List<ProductKey> keys, Currency currency,
			List<MarketplaceOffers> loaded, DataFetchingEnvironment env) {
		List<@Nullable QuotedProduct> products = new ArrayList<>(keys.size());
		for (int i = 0; i < keys.size(); i++) {
			Product product = product(keys.get(i), i, loaded);
			products.add((product != null) ? this.quoter.quote(product, currency) : null);
		}
		return DataFetcherResult.<List<@Nullable QuotedProduct>>newResult()
			.data(products)
			.localContext(keys.isEmpty() ? null : ShopperLanguage.of(env, keys.get(0).shipTo()))
			.errors(loaded.stream()
				.filter(offers -> offers.failure() != null)
				.map(offers -> this.errors.toError(offers.failure(), env))
				.toList())
			.build();
	}

	private static @Nullable Product product(ProductKey key, int index, List<MarketplaceOffers> loaded) {
		List<Offer> offers = new ArrayList<>();
		for (MarketplaceOffers marketplace : loaded) {
			offers.addAll(marketplace.at(index));
		}
		return offers.isEmpty() ? null : new Product(key.gtin(), key.shipTo(), offers);
	}

	/** One marketplace's answer for the keys, in key order, or why there is none. */
	private record MarketplaceOffers(List<@Nullable List<Offer>> offers, @Nullable MarketplaceFailure failure) {

		static MarketplaceOffers found(List<@Nullable List<Offer>> offers) {
			return new MarketplaceOffers(offers, null);
		}

		static MarketplaceOffers failed(Marketplace marketplace, Throwable ex) {
			return new MarketplaceOffers(List.of(), new MarketplaceFailure(marketplace, GraphQlErrors.unwrap(ex)));
		}

		List<Offer> at(int index) {
			List<Offer> found = (index < this.offers.size()) ? this.offers.get(index) : null;
			return (found != null) ? found : List.of();
		}

	}

}
