package eu.tmall.gateway.graphql;

import java.util.Set;

import com.apollographql.federation.graphqljava._Entity;
import eu.tmall.gateway.catalog.QuotedProduct;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.pricing.Currency;
import graphql.execution.ExecutionStepInfo;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.jspecify.annotations.Nullable;

/**
 * Where a product's offers go and in which currency: the {@code shipTo} and
 * {@code currency} arguments of {@code Product.offers}, {@code bestOffer} and
 * {@code comparison}, which default to those of the root field that found the product. A
 * product that another subgraph referenced by its GTIN ({@code _entities}) has no root
 * field: its offers need a {@code shipTo}, and are in euros unless a {@code currency}
 * says otherwise.
 *
 * @param shipTo the shopper's country
 * @param currency the currency of every amount
 */
record Destination(CountryCode shipTo, Currency currency) {

	/** The fields of a product whose answer depends on a destination. */
	static final Set<String> FIELDS = Set.of("offers", "bestOffer", "comparison");

	private static final String PRODUCT = "Product";

	/**
	 * The destination a field of {@code product} asks for.
	 * @throws InvalidArgumentException when the product was referenced by another
	 * subgraph and the field names no {@code shipTo}
	 */
	static Destination of(QuotedProduct product, @Nullable CountryCode shipTo, @Nullable Currency currency,
			DataFetchingEnvironment env) {
		if (shipTo != null) {
			return new Destination(shipTo, (currency != null) ? currency : defaultCurrency(product, env));
		}
		if (isReferenced(env)) {
			throw new InvalidArgumentException("shipTo",
					"is required on a Product another subgraph referenced by its gtin: no root field gave it a destination");
		}
		return new Destination(product.key().shipTo(), (currency != null) ? currency : product.currency());
	}

	/**
	 * The destination a product referenced by its GTIN is looked up for: the one the
	 * selection of {@code _entities} asks of the first destination field that names a
	 * {@code shipTo}, so that one lookup per GTIN serves its description and its offers;
	 * {@code fallback} when none does.
	 */
	static Destination askedBy(DataFetchingFieldSelectionSet selection, CountryCode fallback) {
		for (SelectedField field : selection.getImmediateFields()) {
			if (FIELDS.contains(field.getName()) && field.getObjectTypeNames().contains(PRODUCT)
					&& field.getArguments().get("shipTo") instanceof CountryCode shipTo) {
				return new Destination(shipTo, currency(field.getArguments().get("currency")));
			}
		}
		return new Destination(fallback, Currency.EUR);
	}

	/** Whether the product whose field this is came from {@code _entities}. */
	static boolean isReferenced(DataFetchingEnvironment env) {
		ExecutionStepInfo product = env.getExecutionStepInfo().getParent();
		return product != null && _Entity.fieldName.equals(product.getFieldDefinition().getName());
	}

	private static Currency defaultCurrency(QuotedProduct product, DataFetchingEnvironment env) {
		return isReferenced(env) ? Currency.EUR : product.currency();
	}

	// an enum argument of a selected field is coerced to its name
	private static Currency currency(@Nullable Object argument) {
		return (argument != null) ? Currency.valueOf(argument.toString()) : Currency.EUR;
	}

}
