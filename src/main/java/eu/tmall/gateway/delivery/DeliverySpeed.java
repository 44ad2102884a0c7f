package eu.tmall.gateway.delivery;

/**
 * How fast an offer arrives, by the most business days it may take.
 */
public enum DeliverySpeed {

	/** At most two business days. */
	EXPRESS,

	/** Three to five business days. */
	STANDARD,

	/** More than five business days. */
	ECONOMY;

	public static DeliverySpeed of(int maxDays) {
		if (maxDays <= 2) {
			return EXPRESS;
		}
		return (maxDays <= 5) ? STANDARD : ECONOMY;
	}

}
