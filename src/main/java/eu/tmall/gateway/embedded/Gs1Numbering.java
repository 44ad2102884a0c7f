package eu.tmall.gateway.embedded;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Hands out GTIN-13s the way GS1 does: each brand owns a company prefix inside its
 * country's GS1 range and numbers its products below it.
 */
final class Gs1Numbering {

	// country -> lowest and highest three-digit GS1 prefix of its member organisation
	private static final Map<String, int[]> PREFIX_RANGES = Map.ofEntries(Map.entry("DE", new int[] { 400, 440 }),
			Map.entry("FR", new int[] { 300, 379 }), Map.entry("ES", new int[] { 840, 849 }),
			Map.entry("IT", new int[] { 800, 839 }), Map.entry("PL", new int[] { 590, 590 }),
			Map.entry("DK", new int[] { 570, 579 }), Map.entry("SE", new int[] { 730, 739 }),
			Map.entry("FI", new int[] { 640, 649 }), Map.entry("NL", new int[] { 870, 879 }),
			Map.entry("BE", new int[] { 540, 549 }), Map.entry("PT", new int[] { 560, 560 }),
			Map.entry("AT", new int[] { 900, 919 }), Map.entry("CZ", new int[] { 859, 859 }),
			Map.entry("CN", new int[] { 690, 699 }));

	private final Draws draws;

	private final Set<String> companyPrefixes = new HashSet<>();

	private final Map<String, Company> companies = new HashMap<>();

	Gs1Numbering(Draws draws) {
		this.draws = draws;
	}

	/** The next unused GTIN-13 of the brand. */
	String next(Brand brand) {
		Company company = this.companies.computeIfAbsent(brand.name(), (name) -> newCompany(brand.country()));
		company.lastItemReference += this.draws.between(1, 9);
		return Gtins.withCheckDigit(company.prefix + company.lastItemReference);
	}

	private Company newCompany(String country) {
		int[] range = PREFIX_RANGES.get(country);
		if (range == null) {
			throw new IllegalArgumentException("No GS1 prefix range for " + country);
		}
		String prefix;
		do {
			prefix = this.draws.between(range[0], range[1]) + String.valueOf(this.draws.between(1000, 9999));
		}
		while (!this.companyPrefixes.add(prefix));
		return new Company(prefix, this.draws.between(10000, 40000));
	}

	private static final class Company {

		private final String prefix;

		// five digits; a brand numbers at most a few hundred products, far below 99999
		private int lastItemReference;

		Company(String prefix, int lastItemReference) {
			this.prefix = prefix;
			this.lastItemReference = lastItemReference;
		}

	}

}
