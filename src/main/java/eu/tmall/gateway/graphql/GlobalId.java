package eu.tmall.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.catalog.Marketplace;
import eu.tmall.gateway.catalog.OfferKey;
import eu.tmall.gateway.catalog.ProductKey;
import eu.tmall.gateway.catalog.Quote;
import eu.tmall.gateway.catalog.QuotedProduct;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.pricing.Currency;

/**
 * Relay global ids: the type and what refetches the node, joined by ':' and
 * base64url-encoded, so clients treat them as opaque. The currency is part of the id
 * because the node's amounts are: a client cache that merges objects by id must not mix a
 * price in euros with one in zlotys.
 */
final class GlobalId {

	private static final String PRODUCT = "Product";

	private static final String OFFER = "Offer";

	private GlobalId() {
	}

	static String of(QuotedProduct product) {
		return encode(PRODUCT, product.gtin().digits(), product.key().shipTo().value(), product.currency().name());
	}

	static String of(Quote quote) {
		OfferKey key = quote.key();
		return encode(OFFER, key.marketplace().name(), key.offerId(), key.shipTo().value(), quote.currency().name());
	}

	/** The node an id names. */
	static Node decode(String id) {
		List<String> parts;
		try {
			parts = List.of(new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8).split(":", -1));
		}
		catch (IllegalArgumentException ex) {
			throw notIssued();
		}
		try {
			if ((parts.size() == 3 || parts.size() == 4) && parts.get(0).equals(PRODUCT)) {
				return new ProductNode(new ProductKey(Gtin.parse(parts.get(1)), CountryCode.destination(parts.get(2))),
						currency(parts, 3));
			}
			if ((parts.size() == 4 || parts.size() == 5) && parts.get(0).equals(OFFER)) {
				return new OfferNode(new OfferKey(Marketplace.valueOf(parts.get(1)), parts.get(2),
						CountryCode.destination(parts.get(3))), currency(parts, 4));
			}
		}
		catch (IllegalArgumentException ex) {
			throw notIssued();
		}
		throw notIssued();
	}

	// ids issued before amounts had a currency were in euros
	private static Currency currency(List<String> parts, int index) {
		return (parts.size() > index) ? Currency.valueOf(parts.get(index)) : Currency.EUR;
	}

	private static String encode(String... parts) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(String.join(":", parts).getBytes(StandardCharsets.UTF_8));
	}

	private static InvalidArgumentException notIssued() {
		return new InvalidArgumentException("id", "is not an id of this API: pass an id taken from a Product or Offer");
	}

	sealed interface Node permits ProductNode, OfferNode {

		Currency currency();

	}

	record ProductNode(ProductKey key, Currency currency) implements Node {

	}

	record OfferNode(OfferKey key, Currency currency) implements Node {

	}

}
