package eu.tmall.gateway.catalog;

/**
 * A GS1 Global Trade Item Number, held as the 14 digits it is matched on. GTIN-8, -12,
 * -13 and -14 are accepted, the check digit verified, and GS1's restricted prefixes
 * (in-store numbers 02/04/2x, coupons 05, 98–99) refused, since they do not identify a
 * product.
 */
public record Gtin(String digits) {

	private static final int LENGTH = 14;

	public Gtin {
		if (digits == null || digits.length() != LENGTH || !isDigits(digits)) {
			throw new IllegalArgumentException("a GTIN is held as 14 digits, was '%s'".formatted(digits));
		}
	}

	/**
	 * Parses a GTIN-8, -12, -13 or -14, with the reason in the exception when it is not
	 * one.
	 */
	public static Gtin parse(String text) {
		String value = (text != null) ? text.strip() : "";
		if (!isDigits(value)
				|| !(value.length() == 8 || value.length() == 12 || value.length() == 13 || value.length() == LENGTH)) {
			throw new IllegalArgumentException("'%s' is not a GTIN: expected 8, 12, 13 or 14 digits".formatted(text));
		}
		int expected = checkDigit(value.substring(0, value.length() - 1));
		int actual = value.charAt(value.length() - 1) - '0';
		if (expected != actual) {
			throw new IllegalArgumentException("'%s' is not a valid GTIN: the check digit should be %d, not %d"
				.formatted(value, expected, actual));
		}
		String restriction = restriction(value);
		if (restriction != null) {
			throw new IllegalArgumentException("'%s' cannot identify a product: %s".formatted(value, restriction));
		}
		return new Gtin("0".repeat(LENGTH - value.length()) + value);
	}

	/**
	 * The GS1 check digit (mod 10, weights 3 and 1 from the right) of the digits before
	 * it.
	 */
	public static int checkDigit(String body) {
		int sum = 0;
		for (int i = 0; i < body.length(); i++) {
			int digit = body.charAt(body.length() - 1 - i) - '0';
			sum += (i % 2 == 0) ? digit * 3 : digit;
		}
		return (10 - sum % 10) % 10;
	}

	private static String restriction(String value) {
		if (value.length() == 8) {
			return (value.charAt(0) == '0' || value.charAt(0) == '2')
					? "GTIN-8 numbers starting with 0 or 2 are restricted to in-store use" : null;
		}
		String padded = "0".repeat(LENGTH - value.length()) + value;
		if (padded.charAt(0) == '9') {
			return "indicator digit 9 marks a variable-measure item";
		}
		String prefix = padded.substring(1, 3);
		if (prefix.equals("02") || prefix.equals("04") || prefix.charAt(0) == '2') {
			return "GS1 prefix %s is restricted to in-store numbering".formatted(prefix);
		}
		if (prefix.equals("05")) {
			return "GS1 prefix 05 is reserved for coupons";
		}
		return (prefix.equals("98") || prefix.equals("99"))
				? "GS1 prefix %s is reserved for coupons and refunds".formatted(prefix) : null;
	}

	private static boolean isDigits(String value) {
		return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
	}

	/**
	 * The form shoppers see: the EAN-13 when the indicator digit is 0, else all 14
	 * digits.
	 */
	@Override
	public String toString() {
		return (this.digits.charAt(0) == '0') ? this.digits.substring(1) : this.digits;
	}

}
