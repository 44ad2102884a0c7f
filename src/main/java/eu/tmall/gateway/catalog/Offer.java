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
 * as that marketplace describes it; {@code stale} when it is an answer kept past its TTL,
 * served because the marketplace failed.
 */
public record Offer(Marketplace marketplace, String offerId, Gtin gtin, String title, @Nullable Brand brand,
		@Nullable String category, List<String> images, @Nullable String seller, Money price, Money shippingFee,
		Shipment shipment, @Nullable Integer stock, URI url, CountryCode shipTo, boolean stale) {

	/** A fresh offer, as a marketplace answers it. */
	public Offer(Marketplace marketplace, String offerId, Gtin gtin, String title, @Nullable Brand brand,
			@Nullable String category, List<String> images, @Nullable String seller, Money price, Money shippingFee,
			Shipment shipment, @Nullable Integer stock, URI url, CountryCode shipTo) {
		this(marketplace, offerId, gtin, title, brand, category, images, seller, price, shippingFee, shipment, stock,
				url, shipTo, false);
	}

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

	/** The same offer, marked as served past its TTL. */
	public Offer asStale() {
		return this.stale ? this
				: new Offer(this.marketplace, this.offerId, this.gtin, this.title, this.brand, this.category,
						this.images, this.seller, this.price, this.shippingFee, this.shipment, this.stock, this.url,
						this.shipTo, true);
	}

	public OfferKey key() {
		return new OfferKey(this.marketplace, this.offerId, this.shipTo);
	}

}
