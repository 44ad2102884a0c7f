package eu.tmall.gateway.graphql;

import java.util.concurrent.CompletableFuture;

import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.catalog.OfferKey;
import eu.tmall.gateway.catalog.ProductKey;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

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

	@QueryMapping
	CompletableFuture<? extends DataFetcherResult<?>> node(@Argument String id, DataFetchingEnvironment env) {
		Record key = GlobalId.decode(id);
		if (key instanceof OfferKey offer) {
			DataLoader<OfferKey, Offer> loader = env.getDataLoader(OfferLoaders.byId(offer.marketplace()));
			return loader.load(offer).thenApply(found -> DataFetcherResult.newResult().data(found).build());
		}
		return this.products.one((ProductKey) key, env);
	}

}
