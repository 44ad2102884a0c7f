package eu.tmall.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.catalog.Marketplace;
import eu.tmall.gateway.catalog.OfferKey;
import eu.tmall.gateway.catalog.ProductKey;
import eu.tmall.gateway.delivery.CountryCode;

/**
 * Relay global ids: the type and what refetches the node, joined by ':' and
 * base64url-encoded, so clients treat them as opaque.
 */
final class GlobalId {

	private static final String PRODUCT = "Product";

	private static final String OFFER = "Offer";

	private GlobalId() {
	}

	static String of(ProductKey key) {
		return encode(PRODUCT, key.gtin().digits(), key.shipTo().value());
	}

	static String of(OfferKey key) {
		return encode(OFFER, key.marketplace().name(), key.offerId(), key.shipTo().value());
	}

	/** The key of the node an id names: a {@link ProductKey} or an {@link OfferKey}. */
	static Record decode(String id) {
		List<String> parts;
		try {
			parts = List.of(new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8).split(":", -1));
		}
		catch (IllegalArgumentException ex) {
			throw notIssued();
		}
		try {
			if (parts.size() == 3 && parts.get(0).equals(PRODUCT)) {
				return new ProductKey(Gtin.parse(parts.get(1)), CountryCode.destination(parts.get(2)));
			}
			if (parts.size() == 4 && parts.get(0).equals(OFFER)) {
				return new OfferKey(Marketplace.valueOf(parts.get(1)), parts.get(2),
						CountryCode.destination(parts.get(3)));
			}
		}
		catch (IllegalArgumentException ex) {
			throw notIssued();
		}
		throw notIssued();
	}

	private static String encode(String... parts) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(String.join(":", parts).getBytes(StandardCharsets.UTF_8));
	}

	private static InvalidArgumentException notIssued() {
		return new InvalidArgumentException("id", "is not an id of this API: pass an id taken from a Product or Offer");
	}

}
