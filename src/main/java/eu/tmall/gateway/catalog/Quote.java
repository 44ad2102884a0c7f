package eu.tmall.gateway.catalog;

import java.net.URI;

import eu.tmall.gateway.delivery.DeliveryEstimate;
import eu.tmall.gateway.delivery.Origin;
import eu.tmall.gateway.pricing.Currency;
import eu.tmall.gateway.pricing.LandedCost;
import eu.tmall.gateway.pricing.Money;
import org.jspecify.annotations.Nullable;

/**
 * An offer as one shopper sees it: in their currency, with its delivery dates and what it
 * costs delivered.
 */
public record Quote(Offer offer, Money price, Money shippingFee, LandedCost landedCost, DeliveryEstimate delivery) {

	public OfferKey key() {
		return this.offer.key();
	}

	public Currency currency() {
		return this.price.currency();
	}

	public Marketplace marketplace() {
		return this.offer.marketplace();
	}

	public Origin origin() {
		return this.offer.origin();
	}

	public String title() {
		return this.offer.title();
	}

	public @Nullable String seller() {
		return this.offer.seller();
	}

	public @Nullable Integer stock() {
		return this.offer.stock();
	}

	public URI url() {
		return this.offer.url();
	}

	public boolean stale() {
		return this.offer.stale();
	}

	/** Ships from the EU, the shopper's own country included: no import charges. */
	public boolean isLocal() {
		return origin() != Origin.CROSS_BORDER;
	}

	/** In stock, or its marketplace does not say. */
	public boolean isAvailable() {
		Integer stock = stock();
		return stock == null || stock > 0;
	}

	public int maxDays() {
		return this.delivery.maxDays();
	}

	public Money total() {
		return this.landedCost.total();
	}

}
