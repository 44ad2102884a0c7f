package eu.tmall.gateway.graphql;

import java.util.List;

import eu.tmall.gateway.catalog.OfferFilter;
import eu.tmall.gateway.catalog.OfferRanking;
import eu.tmall.gateway.catalog.OfferSort;
import eu.tmall.gateway.catalog.Quote;
import eu.tmall.gateway.catalog.QuotedProduct;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A product's offers filtered, sorted and ranked.
 */
@Controller
class ComparisonController {

	@SchemaMapping(typeName = "Product")
	List<Quote> offers(QuotedProduct product, @Argument @Valid @Nullable OfferFilter filter, @Argument OfferSort sort) {
		return product.offers((filter != null) ? filter : OfferFilter.NONE, sort);
	}

	@SchemaMapping(typeName = "Product")
	Quote bestOffer(QuotedProduct product, @Argument OfferRanking by) {
		return product.best(by);
	}

}
