package eu.tmall.gateway.embedded;

import java.util.Arrays;
import java.util.List;

/**
 * A brand of the generated catalog and how its product names are formed.
 *
 * @param name the brand name
 * @param country the ISO country of the brand, which picks its GS1 prefix
 * @param priceTier where in a product type's price range the brand sits: 0 low, 1 mid, 2
 * high
 * @param modelDigits how many digits its model numbers have, one picked per product line
 * @param ranges the series and the product types sold under them
 */
record Brand(String name, String country, int priceTier, List<Integer> modelDigits, List<Range> ranges) {

	/**
	 * Parses {@code Name|CC|L/M/H|digits,digits|Series,Series>Type,Type|Series>Type}.
	 */
	static List<Brand> parseAll(String table) {
		return table.lines().filter((line) -> !line.isBlank()).map(Brand::parse).toList();
	}

	private static Brand parse(String line) {
		String[] fields = line.split("\\|");
		int tier = "LMH".indexOf(fields[2]);
		List<Integer> digits = Arrays.stream(fields[3].split(",")).map(Integer::valueOf).toList();
		List<Range> ranges = Arrays.stream(fields, 4, fields.length).map(Range::parse).toList();
		return new Brand(fields[0], fields[1], tier, digits, ranges);
	}

	/**
	 * Series names that go with a set of product types.
	 *
	 * @param series the series names, e.g. {@code Momentum}
	 * @param types the product types
	 */
	record Range(List<String> series, List<ProductTypes.ProductType> types) {

		private static Range parse(String field) {
			String[] parts = field.split(">");
			List<ProductTypes.ProductType> types = Arrays.stream(parts[1].split(",")).map(ProductTypes::named).toList();
			return new Range(List.of(parts[0].split(",")), types);
		}

	}

}
