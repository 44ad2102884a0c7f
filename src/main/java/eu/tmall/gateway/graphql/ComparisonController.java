package eu.tmall.gateway.graphql;

import java.util.List;

import eu.tmall.gateway.catalog.OfferFilter;
import eu.tmall.gateway.catalog.OfferRanking;
import eu.tmall.gateway.catalog.OfferSort;
import eu.tmall.gateway.catalog.QuotedProduct;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.pricing.Currency;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A product's offers filtered, sorted, ranked and compared, for the root field's
 * destination or the one a field asks for ({@link OfferDestinations}).
 */
@Controller
class ComparisonController {

	private final OfferDestinations destinations;

	ComparisonController(OfferDestinations destinations) {
		this.destinations = destinations;
	}

	@ContextFree
	@SchemaMapping(typeName = "Product")
	Object offers(QuotedProduct product, @Argument @Valid @Nullable OfferFilter filter, @Argument OfferSort sort,
			@Argument @Nullable CountryCode shipTo, @Argument @Nullable Currency currency,
			DataFetchingEnvironment env) {
		OfferFilter kept = (filter != null) ? filter : OfferFilter.NONE;
		return this.destinations.answer(product, shipTo, currency, env, found -> found.offers(kept, sort), List.of());
	}

	@ContextFree
	@SchemaMapping(typeName = "Product")
	Object bestOffer(QuotedProduct product, @Argument OfferRanking by, @Argument @Nullable CountryCode shipTo,
			@Argument @Nullable Currency currency, DataFetchingEnvironment env) {
		return this.destinations.answer(product, shipTo, currency, env, found -> found.best(by), null);
	}

	@ContextFree
	@SchemaMapping(typeName = "Product")
	Object comparison(QuotedProduct product, @Argument @Nullable CountryCode shipTo,
			@Argument @Nullable Currency currency, DataFetchingEnvironment env) {
		return this.destinations.answer(product, shipTo, currency, env, QuotedProduct::comparison, null);
	}

}
