package eu.tmall.gateway.graphql;

import java.util.Locale;
import java.util.function.Function;

import eu.tmall.gateway.catalog.ProductKey;
import eu.tmall.gateway.catalog.QuotedProduct;
import eu.tmall.gateway.catalog.Quoter;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.pricing.Currency;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Answers a product's destination fields ({@link Destination#FIELDS}) for the destination
 * and currency they ask for: from the product itself when they are its own, quoted anew
 * in another currency, or looked up for another destination through the request's
 * DataLoaders, so such lookups of many products are batched as {@code products} is. A
 * field that names a {@code shipTo} answers in that country's language unless the
 * shopper's {@code Accept-Language} says otherwise, as a root field does.
 */
@Component
class OfferDestinations {

	private final ProductAssembler products;

	private final Quoter quoter;

	OfferDestinations(ProductAssembler products, Quoter quoter) {
		this.products = products;
		this.quoter = quoter;
	}

	/**
	 * {@code answer} of the product at the field's destination: the value itself when the
	 * field asks for no other, else a {@link DataFetcherResult}, or a future of one when
	 * the product must be looked up.
	 * @param unsold the answer when neither marketplace sells the product there;
	 * {@code null} for a field that cannot be empty, which then fails
	 */
	<T> Object answer(QuotedProduct product, @Nullable CountryCode shipTo, @Nullable Currency currency,
			DataFetchingEnvironment env, Function<QuotedProduct, T> answer, @Nullable T unsold) {
		Destination destination = Destination.of(product, shipTo, currency, env);
		if (shipTo == null && currency == null) {
			return answer.apply(product);
		}
		Locale language = (shipTo != null) ? ShopperLanguage.of(env, shipTo) : null;
		if (destination.shipTo().equals(product.key().shipTo())) {
			QuotedProduct quoted = (destination.currency() == product.currency()) ? product
					: this.quoter.quote(product.product(), destination.currency());
			return DataFetcherResult.newResult().data(answer.apply(quoted)).localContext(language).build();
		}
		return this.products.one(new ProductKey(product.gtin(), destination.shipTo()), destination.currency(), env)
			.thenApply(found -> DataFetcherResult.newResult()
				.data((found.getData() != null) ? answer.apply(found.getData())
						: unsold(product, destination, unsold, found))
				.errors(found.getErrors())
				.localContext(language)
				.build());
	}

	private static <T> @Nullable T unsold(QuotedProduct product, Destination destination, @Nullable T unsold,
			DataFetcherResult<?> found) {
		if (unsold != null || found.hasErrors()) {
			// a marketplace that failed says why the product is missing
			return unsold;
		}
		throw new InvalidArgumentException("shipTo", "is %s, where neither marketplace sells GTIN %s"
			.formatted(destination.shipTo(), product.gtin().digits()));
	}

}
