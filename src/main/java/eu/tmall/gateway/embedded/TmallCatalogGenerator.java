package eu.tmall.gateway.embedded;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generates the Tmall Europe listings: European brands, mostly stocked in the brand's own
 * country, some in the marketplace's fulfilment hubs.
 */
final class TmallCatalogGenerator {

	private static final double OWN_WAREHOUSE_SHARE = 0.65;

	// Spain twice: the Iberian hub is the busiest, and the samples ship to Spain
	private static final List<String> HUBS = List.of("ES", "ES", "PL", "FR", "DE", "IT", "NL");

	private static final Map<String, String> HUB_SELLERS = Map.of("ES", "Electro Hogar Iberia", "PL",
			"Dom i Technika Polska", "FR", "Maison Direct France", "DE", "Rhein Handel Deutschland", "IT",
			"Casa Italia Distribuzione", "NL", "Benelux Direct");

	private static final Map<String, List<String>> CARRIERS = Map.ofEntries(
			Map.entry("DE", List.of("DHL", "DPD", "GLS", "Hermes")),
			Map.entry("ES", List.of("Correos Express", "SEUR", "GLS")), Map.entry("PL", List.of("InPost", "DPD")),
			Map.entry("FR", List.of("Colissimo", "Chronopost", "DPD")), Map.entry("NL", List.of("PostNL", "DHL")),
			Map.entry("IT", List.of("BRT", "GLS", "Poste Italiane")), Map.entry("DK", List.of("PostNord", "GLS")),
			Map.entry("SE", List.of("PostNord", "DHL")), Map.entry("FI", List.of("Posti", "DHL")),
			Map.entry("AT", List.of("Österreichische Post", "DPD")), Map.entry("CZ", List.of("PPL", "Zásilkovna")),
			Map.entry("PT", List.of("CTT", "DPD")), Map.entry("BE", List.of("bpost", "DPD")));

	private static final List<BigDecimal> CROSS_BORDER_FEES = List.of(new BigDecimal("2.99"), new BigDecimal("3.99"),
			new BigDecimal("4.99"));

	private static final BigDecimal FREE_SHIPPING_FROM = new BigDecimal("49");

	private final Draws draws;

	private final ProductLineFactory lines;

	private final Gs1Numbering gtins;

	private int nextItemNumber = 1000000;

	TmallCatalogGenerator(Draws draws, ProductLineFactory lines, Gs1Numbering gtins) {
		this.draws = draws;
		this.lines = lines;
		this.gtins = gtins;
	}

	List<TmallItem> generate() {
		List<TmallItem> items = new ArrayList<>();
		for (Brand brand : EuropeanBrands.ALL) {
			int target = this.draws.between(14, 26);
			int count = 0;
			while (count < target) {
				ProductLine line = this.lines.next(brand, 1.0);
				String warehouse = this.draws.chance(OWN_WAREHOUSE_SHARE) ? brand.country() : this.draws.pick(HUBS);
				for (int variant = 0; variant < line.variantCount() && count < target; variant++, count++) {
					items.add(listing(line, variant, warehouse));
				}
			}
		}
		return List.copyOf(items);
	}

	private TmallItem listing(ProductLine line, int variant, String warehouse) {
		this.nextItemNumber += this.draws.between(1, 40);
		String itemId = "TE" + this.nextItemNumber;
		Brand brand = line.brand();
		BigDecimal consumerPrice = line.consumerPrice(variant);
		String seller = warehouse.equals(brand.country()) ? brand.name() + " Official Store"
				: HUB_SELLERS.get(warehouse);
		BigDecimal fee = (consumerPrice.compareTo(FREE_SHIPPING_FROM) >= 0) ? BigDecimal.ZERO.setScale(2)
				: this.draws.pick(CROSS_BORDER_FEES);
		int stock = this.draws.chance(0.05) ? 0 : this.draws.between(1, 400);
		return new TmallItem(itemId, this.gtins.next(brand), line.title(variant, ", "), brand.name(), brand.country(),
				line.type().category(), images(itemId), EuropeanCountries.netPrice(consumerPrice, "DE"), stock, seller,
				warehouse, this.draws.pick(CARRIERS.get(warehouse)), this.draws.chance(0.7) ? 0 : 1, fee);
	}

	private List<String> images(String itemId) {
		int count = this.draws.between(2, 4);
		List<String> images = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			images.add("https://img.tmall.eu/" + itemId + "/" + i + ".jpg");
		}
		return images;
	}

}
