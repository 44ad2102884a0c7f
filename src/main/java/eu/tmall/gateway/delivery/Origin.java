package eu.tmall.gateway.delivery;

/**
 * Where an offer ships from, seen from the shopper: decided by the ship-from country
 * against the destination, never by the marketplace.
 */
public enum Origin {

	/** Ships from the shopper's own country. */
	DOMESTIC,

	/** Ships from another EU country: no customs, no import VAT. */
	EU,

	/** Ships from outside the EU: an import. */
	CROSS_BORDER;

	public static Origin of(CountryCode shipsFrom, CountryCode shipTo) {
		if (shipsFrom.equals(shipTo)) {
			return DOMESTIC;
		}
		return shipsFrom.isEu() && shipTo.isEu() ? EU : CROSS_BORDER;
	}

}
