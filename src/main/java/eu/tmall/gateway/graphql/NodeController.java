package eu.tmall.gateway.graphql;

import java.util.concurrent.CompletableFuture;

import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.catalog.OfferKey;
import eu.tmall.gateway.catalog.Quoter;
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

	private final Quoter quoter;

	NodeController(ProductAssembler products, Quoter quoter) {
		this.products = products;
		this.quoter = quoter;
	}

	@QueryMapping
	CompletableFuture<? extends DataFetcherResult<?>> node(@Argument String id, DataFetchingEnvironment env) {
		GlobalId.Node node = GlobalId.decode(id);
		if (node instanceof GlobalId.OfferNode offer) {
			DataLoader<OfferKey, Offer> loader = env.getDataLoader(OfferLoaders.byId(offer.key().marketplace()));
			return loader.load(offer.key())
				.thenApply(found -> DataFetcherResult.newResult()
					.data((found != null) ? this.quoter.quote(found, offer.currency()) : null)
					.localContext(ShopperLanguage.of(env, offer.key().shipTo()))
					.build());
		}
		GlobalId.ProductNode product = (GlobalId.ProductNode) node;
		return this.products.one(product.key(), product.currency(), env);
	}

}
