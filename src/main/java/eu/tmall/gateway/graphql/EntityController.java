package eu.tmall.gateway.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import eu.tmall.gateway.catalog.Quote;
import eu.tmall.gateway.catalog.QuotedProduct;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.stereotype.Controller;

/**
 * Apollo Federation's {@code _entities}: the products and offers other subgraphs
 * reference, each type's representations in one batch.
 */
@Controller
class EntityController {

	private final EntityReferences references;

	EntityController(EntityReferences references) {
		this.references = references;
	}

	@EntityMapping
	CompletableFuture<List<@Nullable QuotedProduct>> product(List<Map<String, Object>> representations,
			DataFetchingEnvironment env) {
		return this.references.products(representations, env);
	}

	@EntityMapping
	CompletableFuture<List<@Nullable DataFetcherResult<@Nullable Quote>>> offer(
			List<Map<String, Object>> representations, DataFetchingEnvironment env) {
		return this.references.offers(representations, env);
	}

}
