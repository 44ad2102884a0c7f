package eu.tmall.gateway.pricing;

/**
 * Which customs rules a parcel falls under on its way to an EU shopper.
 */
public enum ImportRegime {

	/** Ships from an EU country: inside the customs and VAT union, nothing to import. */
	EU_INTERNAL,

	/**
	 * An import of intrinsic value up to €150: VAT collected at checkout under the Import
	 * One-Stop Shop (Directive 2017/2455, since 2021-07-01).
	 */
	IOSS,

	/** An import above €150: duty and import VAT charged at the border. */
	IMPORT

}
