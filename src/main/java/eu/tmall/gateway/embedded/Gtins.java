package eu.tmall.gateway.embedded;

import eu.tmall.gateway.catalog.Gtin;
import org.jspecify.annotations.Nullable;

/**
 * GS1 GTIN helpers of the embedded upstreams: normalisation to 14 digits, check digits
 * (the catalog's {@link Gtin#checkDigit}) and restricted prefixes.
 */
final class Gtins {

	private Gtins() {
	}

	/**
	 * Returns the GTIN left-padded to 14 digits, or {@code null} when the text is not a
	 * GTIN-8, -12, -13 or -14 digit string (the check digit is not looked at).
	 */
	static @Nullable String normalise(String text) {
		int length = text.length();
		if (length != 8 && length != 12 && length != 13 && length != 14) {
			return null;
		}
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
		}
		return "00000000000000".substring(length) + text;
	}

	/** Appends the GS1 check digit to a GTIN without one. */
	static String withCheckDigit(String digitsWithoutCheck) {
		return digitsWithoutCheck + Gtin.checkDigit(digitsWithoutCheck);
	}

	static boolean hasValidCheckDigit(String gtin) {
		int last = gtin.length() - 1;
		return Gtin.checkDigit(gtin.substring(0, last)) == gtin.charAt(last) - '0';
	}

	/**
	 * Whether a GTIN-13 starts with a prefix GS1 reserves for in-store, coupon or
	 * internal numbering (02, 04, 05, 20–29, 98–99), never a product key.
	 */
	static boolean isRestricted(String gtin13) {
		String prefix = gtin13.substring(0, 2);
		return prefix.equals("02") || prefix.equals("04") || prefix.equals("05") || prefix.charAt(0) == '2'
				|| prefix.equals("98") || prefix.equals("99");
	}

}
