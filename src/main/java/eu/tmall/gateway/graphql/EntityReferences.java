package eu.tmall.gateway.graphql;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.catalog.Marketplace;
import eu.tmall.gateway.catalog.MarketplaceFailure;
import eu.tmall.gateway.catalog.OfferKey;
import eu.tmall.gateway.catalog.ProductKey;
import eu.tmall.gateway.catalog.Quote;
import eu.tmall.gateway.catalog.QuotedProduct;
import eu.tmall.gateway.delivery.CountryCode;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The entities other subgraphs reference, found through the same DataLoaders as the root
 * fields, so the representations of one {@code _entities} field are looked up in one
 * batch per marketplace: a {@code Product} by its {@code gtin}, for the destination its
 * selection asks for ({@link Destination#askedBy}); an {@code Offer} by its {@code id},
 * which names its destination and currency. Unknown keys answer {@code null}; keys this
 * subgraph does not issue and marketplaces that fail add an error ({@link EntityErrors}).
 */
@Component
class EntityReferences {

	private final ProductAssembler products;

	private final GraphQlErrors errors;

	private final CountryCode fallback;

	EntityReferences(ProductAssembler products, GraphQlErrors errors, FederationProperties properties) {
		this.products = products;
		this.errors = errors;
		this.fallback = properties.shipTo();
	}

	CompletableFuture<List<@Nullable QuotedProduct>> products(List<Map<String, Object>> representations,
			DataFetchingEnvironment env) {
		Destination destination = Destination.askedBy(env.getSelectionSet(), this.fallback);
		EntityErrors errors = EntityErrors.of(env);
		List<@Nullable ProductKey> keys = new ArrayList<>(representations.size());
		for (int i = 0; i < representations.size(); i++) {
			Gtin gtin = key(representations, i, "Product", "gtin", Gtin::parse, env);
			keys.add((gtin != null) ? new ProductKey(gtin, destination.shipTo()) : null);
		}
		return this.products.all(keys.stream().filter(Objects::nonNull).toList(), destination.currency(), env)
			.thenApply(found -> {
				errors.addAll(found.getErrors());
				return inPlace(keys, found.getData());
			});
	}

	/**
	 * The offers, each answering in the language of its own destination (its id names
	 * it), as under the root field that quoted it.
	 */
	CompletableFuture<List<@Nullable DataFetcherResult<@Nullable Quote>>> offers(
			List<Map<String, Object>> representations, DataFetchingEnvironment env) {
		Set<Marketplace> failed = ConcurrentHashMap.newKeySet();
		List<CompletableFuture<@Nullable DataFetcherResult<@Nullable Quote>>> offers = new ArrayList<>(
				representations.size());
		for (int i = 0; i < representations.size(); i++) {
			GlobalId.OfferNode offer = key(representations, i, "Offer", "id", EntityReferences::offerId, env);
			offers.add((offer != null) ? offer(offer, failed, env) : CompletableFuture.completedFuture(null));
		}
		return CompletableFuture.allOf(offers.toArray(CompletableFuture[]::new))
			.thenApply(done -> offers.stream().map(CompletableFuture::join).toList());
	}

	private CompletableFuture<@Nullable DataFetcherResult<@Nullable Quote>> offer(GlobalId.OfferNode node,
			Set<Marketplace> failed, DataFetchingEnvironment env) {
		OfferKey key = node.key();
		return this.products.offer(node, env).exceptionally(ex -> {
			// one error per marketplace, as for products
			if (failed.add(key.marketplace())) {
				EntityErrors.of(env)
					.add(this.errors.toError(new MarketplaceFailure(key.marketplace(), GraphQlErrors.unwrap(ex)), env));
			}
			return null;
		});
	}

	/**
	 * The key field of a representation, parsed; {@code null}, with an error at the
	 * entity's place, when it is missing or not one this subgraph issues.
	 */
	private static <K> @Nullable K key(List<Map<String, Object>> representations, int index, String typeName,
			String field, Function<String, K> parse, DataFetchingEnvironment env) {
		Object value = representations.get(index).get(field);
		try {
			if (value instanceof String text) {
				return parse.apply(text);
			}
			throw new IllegalArgumentException("'%s' is missing, or not a string".formatted(field));
		}
		catch (IllegalArgumentException | InvalidArgumentException ex) {
			EntityErrors.of(env).add(GraphQlErrors.badRepresentation(index, typeName, ex.getMessage(), env));
			return null;
		}
	}

	private static GlobalId.OfferNode offerId(String id) {
		if (GlobalId.decode(id) instanceof GlobalId.OfferNode offer) {
			return offer;
		}
		throw new IllegalArgumentException("'%s' is the id of a Product, not of an Offer".formatted(id));
	}

	/** The found products in the places of their keys; {@code null} where a key was. */
	private static List<@Nullable QuotedProduct> inPlace(List<@Nullable ProductKey> keys,
			List<@Nullable QuotedProduct> found) {
		Iterator<@Nullable QuotedProduct> next = found.iterator();
		List<@Nullable QuotedProduct> products = new ArrayList<>(keys.size());
		keys.forEach(key -> products.add((key != null) ? next.next() : null));
		return products;
	}

}
