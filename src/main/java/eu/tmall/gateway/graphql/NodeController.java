package eu.tmall.gateway.graphql;

import java.util.concurrent.CompletableFuture;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Relay's {@code node(id)}: refetches a product or an offer by its global id.
 */
@Controller
class NodeController {

	private final ProductAssembler products;

	NodeController(ProductAssembler products) {
		this.products = products;
	}

	@ContextFree
	@QueryMapping
	CompletableFuture<? extends DataFetcherResult<?>> node(@Argument String id, DataFetchingEnvironment env) {
		GlobalId.Node node = GlobalId.decode(id);
		if (node instanceof GlobalId.OfferNode offer) {
			return this.products.offer(offer, env);
		}
		GlobalId.ProductNode product = (GlobalId.ProductNode) node;
		return this.products.one(product.key(), product.currency(), env);
	}

}
