package eu.tmall.gateway.catalog;

/**
 * The marketplaces whose offers the gateway joins.
 */
public enum Marketplace {

	/** Local brands stocked in EU warehouses, delivered in days. */
	TMALL_EUROPE,

	/** Mostly ships from China; some offers from AliExpress's EU warehouses. */
	ALIEXPRESS

}
