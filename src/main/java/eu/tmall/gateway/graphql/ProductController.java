package eu.tmall.gateway.graphql;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.catalog.ProductKey;
import eu.tmall.gateway.catalog.QuotedProduct;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.pricing.Currency;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Products by GTIN, each with the offers of both marketplaces. Both fields answer the
 * futures of the request's DataLoaders, whose batches take the request's Reactor context
 * from its GraphQL context ({@link OfferLoaders}), so they run without spring-graphql's
 * context snapshot ({@link ContextFree}).
 */
@Controller
class ProductController {

	static final int MAX_GTINS = 100;

	private final ProductAssembler products;

	ProductController(ProductAssembler products) {
		this.products = products;
	}

	@ContextFree
	@QueryMapping
	CompletableFuture<DataFetcherResult<@Nullable QuotedProduct>> product(@Argument Gtin gtin,
			@Argument CountryCode shipTo, @Argument Currency currency, DataFetchingEnvironment env) {
		return this.products.one(new ProductKey(gtin, shipTo), currency, env);
	}

	@ContextFree
	@QueryMapping
	CompletableFuture<DataFetcherResult<List<@Nullable QuotedProduct>>> products(
			@Argument @Size(max = MAX_GTINS) List<Gtin> gtins, @Argument CountryCode shipTo,
			@Argument Currency currency, DataFetchingEnvironment env) {
		return this.products.all(gtins.stream().map(gtin -> new ProductKey(gtin, shipTo)).toList(), currency, env);
	}

}
