package eu.tmall.gateway.graphql;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.catalog.Quote;
import eu.tmall.gateway.catalog.Quoter;
import eu.tmall.gateway.catalog.ShippingQuote;
import eu.tmall.gateway.delivery.ShippingOption;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * An offer's shipping options, through their DataLoader, quoted like the offer.
 */
@Controller
class OfferController {

	private final Quoter quoter;

	OfferController(Quoter quoter) {
		this.quoter = quoter;
	}

	@ContextFree
	@SchemaMapping(typeName = "Offer")
	CompletableFuture<List<ShippingQuote>> shippingOptions(Quote offer,
			DataLoader<Offer, List<ShippingOption>> shippingOptions) {
		return shippingOptions.load(offer.offer())
			.thenApply(options -> options.stream().map(option -> this.quoter.quote(option, offer.currency())).toList());
	}

}
