package eu.tmall.gateway.graphql;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.delivery.DeliveryEstimate;
import eu.tmall.gateway.delivery.DeliveryEstimator;
import eu.tmall.gateway.delivery.DeliveryLabels;
import eu.tmall.gateway.delivery.ShippingOption;
import eu.tmall.gateway.pricing.Money;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The fields of an offer that the domain computes: its id, delivery estimate and label,
 * and money amounts as exact decimal strings.
 */
@Controller
class OfferController {

	private final DeliveryEstimator estimator;

	private final DeliveryLabels labels;

	OfferController(DeliveryEstimator estimator, DeliveryLabels labels) {
		this.estimator = estimator;
		this.labels = labels;
	}

	@SchemaMapping
	String id(Offer offer) {
		return GlobalId.of(offer.key());
	}

	@SchemaMapping
	DeliveryEstimate delivery(Offer offer) {
		return this.estimator.estimate(offer.shipment(), offer.shipTo());
	}

	@SchemaMapping
	CompletableFuture<List<ShippingOption>> shippingOptions(Offer offer,
			DataLoader<Offer, List<ShippingOption>> shippingOptions) {
		return shippingOptions.load(offer);
	}

	@SchemaMapping
	DeliveryEstimate delivery(ShippingOption option) {
		return this.estimator.estimate(option.shipment(), option.shipTo());
	}

	@SchemaMapping
	String label(DeliveryEstimate estimate, Locale locale) {
		return this.labels.label(estimate, locale);
	}

	@SchemaMapping
	String amount(Money money) {
		return money.amount().toPlainString();
	}

}
