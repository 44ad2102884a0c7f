package eu.tmall.gateway.pricing;

/**
 * The currencies of the EU's single market that prices can be shown in, with their minor
 * units (ISO 4217).
 */
public enum Currency {

	EUR(2), CZK(2), DKK(2), HUF(2), PLN(2), RON(2), SEK(2);

	private final int minorUnits;

	Currency(int minorUnits) {
		this.minorUnits = minorUnits;
	}

	public int minorUnits() {
		return this.minorUnits;
	}

	/**
	 * The currency of an upstream's ISO code, with the code in the exception when it is
	 * not one of ours.
	 */
	public static Currency of(String code) {
		try {
			return valueOf(code);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'%s' is not a supported currency".formatted(code), ex);
		}
	}

}
