package eu.tmall.gateway.catalog;

import java.util.Comparator;
import java.util.List;

import eu.tmall.gateway.delivery.CountryCode;
import org.jspecify.annotations.Nullable;

/**
 * One product, matched on its GTIN, with the offers of every marketplace that sells it to
 * {@code shipTo}. Its description comes from the brand's own marketplace first: Tmall
 * Europe listings are kept by the brands, AliExpress ones by resellers.
 */
public record Product(Gtin gtin, CountryCode shipTo, List<Offer> offers) {

	private static final Comparator<Offer> DESCRIPTION_FIRST = Comparator.comparing(Offer::marketplace);

	public Product {
		if (offers.isEmpty()) {
			throw new IllegalArgumentException("a product needs at least one offer");
		}
		offers = offers.stream().sorted(DESCRIPTION_FIRST).toList();
	}

	public ProductKey key() {
		return new ProductKey(this.gtin, this.shipTo);
	}

	public String title() {
		return describer().title();
	}

	public @Nullable Brand brand() {
		return this.offers.stream().map(Offer::brand).filter(b -> b != null).findFirst().orElse(null);
	}

	public @Nullable String category() {
		return describer().category();
	}

	public List<String> images() {
		return describer().images();
	}

	private Offer describer() {
		return this.offers.get(0);
	}

}
