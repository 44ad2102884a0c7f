package eu.tmall.gateway.graphql;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.delivery.ShippingOption;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * An offer's shipping options, through their DataLoader.
 */
@Controller
class OfferController {

	@SchemaMapping
	CompletableFuture<List<ShippingOption>> shippingOptions(Offer offer,
			DataLoader<Offer, List<ShippingOption>> shippingOptions) {
		return shippingOptions.load(offer);
	}

}
