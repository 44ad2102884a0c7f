package eu.tmall.gateway.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import eu.tmall.gateway.catalog.FederatedSearch;
import eu.tmall.gateway.catalog.ProductKey;
import eu.tmall.gateway.catalog.QuotedProduct;
import eu.tmall.gateway.catalog.SearchResult;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.pricing.Currency;
import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The federated search, as a Relay connection over products.
 */
@Controller
class SearchController {

	private final FederatedSearch search;

	private final ProductAssembler products;

	private final GraphQlErrors errors;

	private final int maxSearchDepth;

	SearchController(FederatedSearch search, ProductAssembler products, GraphQlErrors errors, QueryLimits limits) {
		this.search = search;
		this.products = products;
		this.errors = errors;
		this.maxSearchDepth = limits.maxSearchDepth();
	}

	/**
	 * A {@link Mono}, which spring-graphql subscribes to in the request's Reactor
	 * context: the upstream calls of the search find the request's tally and budget
	 * there.
	 */
	@QueryMapping
	Mono<DataFetcherResult<ProductConnection>> search(@Argument @NotBlank @Size(max = 200) String query,
			@Argument CountryCode shipTo, @Argument Currency currency, @Argument @Min(1) @Max(100) int first,
			@Argument @Nullable String after, DataFetchingEnvironment env) {
		int offset = Cursor.offsetAfter(after, this.maxSearchDepth);
		return this.search.search(query.strip(), shipTo, offset, first)
			.flatMap(result -> Mono.fromFuture(connection(result, shipTo, currency, env)));
	}

	private CompletableFuture<DataFetcherResult<ProductConnection>> connection(SearchResult result, CountryCode shipTo,
			Currency currency, DataFetchingEnvironment env) {
		List<ProductKey> keys = result.gtins().stream().map(gtin -> new ProductKey(gtin, shipTo)).toList();
		CompletableFuture<DataFetcherResult<List<@Nullable QuotedProduct>>> loaded = this.products.all(keys, currency,
				env);
		// graphql-java's chained dispatch sends these one loader at a time, so the second
		// marketplace would wait for the first: dispatch both now, concurrently
		env.getDataLoaderRegistry().dispatchAll();
		return loaded.thenApply(products -> {
			List<GraphQLError> errors = new ArrayList<>(products.getErrors());
			result.failures().stream().map(failure -> this.errors.toError(failure, env)).forEach(errors::add);
			return DataFetcherResult.<ProductConnection>newResult()
				.data(ProductConnection.of(result, products.getData()))
				.errors(distinctByMessage(errors))
				.localContext(ShopperLanguage.of(env, shipTo))
				.build();
		});
	}

	/**
	 * A marketplace that failed both its search and its lookups is reported once: by
	 * upstream and code, since the second call may fail with another message (e.g. the
	 * breaker the first failures opened).
	 */
	private static List<GraphQLError> distinctByMessage(List<GraphQLError> errors) {
		Map<Object, GraphQLError> distinct = new LinkedHashMap<>();
		errors.forEach(error -> distinct.putIfAbsent(identity(error), error));
		return List.copyOf(distinct.values());
	}

	private static Object identity(GraphQLError error) {
		Map<String, Object> extensions = error.getExtensions();
		if (extensions != null && extensions.containsKey("upstream")) {
			return List.of(extensions.get("upstream"), String.valueOf(extensions.get("code")));
		}
		return error.getMessage();
	}

}
