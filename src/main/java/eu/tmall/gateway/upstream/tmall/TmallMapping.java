package eu.tmall.gateway.upstream.tmall;

import java.net.URI;
import java.util.List;

import eu.tmall.gateway.catalog.Brand;
import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.catalog.Marketplace;
import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.delivery.Shipment;
import eu.tmall.gateway.pricing.Currency;
import eu.tmall.gateway.pricing.Money;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The border between Tmall Europe's DTOs and the catalog. A listing without a valid GTIN,
 * or one that breaks the contract, is left out with a warning naming it, so one bad
 * listing does not cost the other listings of its batch.
 */
final class TmallMapping {

	private static final Logger logger = LoggerFactory.getLogger(TmallMapping.class);

	private TmallMapping() {
	}

	static @Nullable Offer toOffer(TmallListing listing, CountryCode shipTo) {
		List<Gtin> gtin = gtinOf(listing);
		if (gtin.isEmpty()) {
			return null;
		}
		try {
			Currency currency = Currency.of(listing.currency());
			TmallListing.Delivery delivery = listing.delivery();
			Shipment shipment = new Shipment(CountryCode.of(listing.warehouseCountry()),
					delivery.dispatchDays() + delivery.transitMinDays(),
					delivery.dispatchDays() + delivery.transitMaxDays(), delivery.carrier());
			return new Offer(Marketplace.TMALL_EUROPE, listing.itemId(), gtin.get(0), listing.title(), brand(listing),
					listing.category(), (listing.images() != null) ? listing.images() : List.of(), listing.seller(),
					Money.of(listing.price(), currency), Money.of(delivery.shippingFee(), currency), shipment,
					listing.stock(), URI.create(listing.url()), shipTo);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			logger.warn("Tmall Europe listing {} breaks the contract and is left out: {}", listing.itemId(),
					ex.getMessage());
			return null;
		}
	}

	static List<Gtin> gtinOf(TmallListing listing) {
		try {
			return List.of(Gtin.parse(listing.gtin()));
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Tmall Europe listing {} has no usable GTIN and cannot be matched: {}", listing.itemId(),
					ex.getMessage());
			return List.of();
		}
	}

	private static @Nullable Brand brand(TmallListing listing) {
		if (listing.brand() == null || listing.brand().isBlank()) {
			return null;
		}
		return new Brand(listing.brand(),
				(listing.brandCountry() != null) ? CountryCode.of(listing.brandCountry()) : null);
	}

}
