package eu.tmall.gateway.embedded;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a batch of GTINs, refusing anything but 8, 12, 13 or 14 digits, normalised to 14
 * digits without duplicates. A wrong check digit is not refused: such a GTIN is simply
 * not found.
 */
final class GtinParameters {

	private GtinParameters() {
	}

	static List<String> normalised(RequestParameters parameters, String name, int max) {
		Set<String> gtins = new LinkedHashSet<>();
		for (String value : parameters.list(name, max)) {
			String gtin = Gtins.normalise(value);
			if (gtin == null) {
				throw PlatformException.invalid(name, "'" + value + "' is not a GTIN-8, -12, -13 or -14 digit string");
			}
			gtins.add(gtin);
		}
		return List.copyOf(gtins);
	}

}
