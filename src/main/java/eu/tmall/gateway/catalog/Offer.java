package eu.tmall.gateway.catalog;

import java.net.URI;
import java.util.List;

import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.delivery.Origin;
import eu.tmall.gateway.delivery.Shipment;
import eu.tmall.gateway.pricing.Currency;
import eu.tmall.gateway.pricing.Money;
import org.jspecify.annotations.Nullable;

/**
 * One marketplace's offer of a product to a shopper in {@code shipTo}, with the product
 * as that marketplace describes it.
 */
public record Offer(Marketplace marketplace, String offerId, Gtin gtin, String title, @Nullable Brand brand,
		@Nullable String category, List<String> images, @Nullable String seller, Money price, Money shippingFee,
		Shipment shipment, @Nullable Integer stock, URI url, CountryCode shipTo) {

	public Offer {
		images = List.copyOf(images);
		if (offerId.isBlank() || title.isBlank()) {
			throw new IllegalArgumentException("an offer needs an id and a title");
		}
		// the gateway asks both marketplaces for euros and converts them itself, at the
		// ECB's rates, so that every offer of a product is converted alike
		if (price.currency() != Currency.EUR || shippingFee.currency() != Currency.EUR) {
			throw new IllegalArgumentException(
					"an offer is quoted in EUR, was %s and %s".formatted(price.currency(), shippingFee.currency()));
		}
	}

	public Origin origin() {
		return Origin.of(this.shipment.shipsFrom(), this.shipTo);
	}

	public OfferKey key() {
		return new OfferKey(this.marketplace, this.offerId, this.shipTo);
	}

}
