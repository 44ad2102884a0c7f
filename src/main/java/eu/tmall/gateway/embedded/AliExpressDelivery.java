package eu.tmall.gateway.embedded;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import eu.tmall.gateway.embedded.AliExpressJson.DeliveryOption;

/**
 * The delivery options of an AliExpress product for one destination: the default one,
 * then a faster one at a higher fee and, from China, the untracked super-economy service.
 */
final class AliExpressDelivery {

	static final String PREMIUM_SHIPPING = "AliExpress Premium Shipping";

	static final String SUPER_ECONOMY = "Cainiao Super Economy";

	static final String WAREHOUSE_EXPRESS = "Cainiao Warehouse Express";

	private static final BigDecimal PREMIUM_SURCHARGE = new BigDecimal("6.99");

	private static final BigDecimal EXPRESS_SURCHARGE = new BigDecimal("4.99");

	// super economy is only offered for cheap goods, as on the real platform
	private static final BigDecimal SUPER_ECONOMY_UP_TO = new BigDecimal("15");

	private AliExpressDelivery() {
	}

	/**
	 * From an EU warehouse to its own country in two to four days; otherwise the
	 * product's range.
	 */
	static DeliveryOption defaultOption(AliExpressItem item, String shipTo) {
		if (item.shipFromCountry().equals(shipTo)) {
			return option(item.shipFromCountry(), item.serviceName(), 2, (item.maxDays() >= 6) ? 4 : 3,
					item.shippingFee(), true);
		}
		return option(item.shipFromCountry(), item.serviceName(), item.minDays(), item.maxDays(), item.shippingFee(),
				true);
	}

	/** Every option for the destination, the default first. */
	static List<DeliveryOption> options(AliExpressItem item, String shipTo) {
		List<DeliveryOption> options = new ArrayList<>(3);
		options.add(defaultOption(item, shipTo));
		String from = item.shipFromCountry();
		if (item.shipsFromEurope()) {
			boolean domestic = from.equals(shipTo);
			options.add(option(from, WAREHOUSE_EXPRESS, domestic ? 1 : 2, domestic ? 2 : 4,
					item.shippingFee().add(EXPRESS_SURCHARGE), true));
			return options;
		}
		options.add(option(from, PREMIUM_SHIPPING, 5, 9, item.shippingFee().add(PREMIUM_SURCHARGE), true));
		boolean slowDefault = AliExpressCatalogGenerator.STANDARD_SHIPPING.equals(item.serviceName());
		if (slowDefault || item.netPrice().compareTo(SUPER_ECONOMY_UP_TO) < 0) {
			options.add(option(from, SUPER_ECONOMY, 20, 40, BigDecimal.ZERO, false));
		}
		return options;
	}

	private static DeliveryOption option(String from, String service, int minDays, int maxDays, BigDecimal fee,
			boolean tracking) {
		return new DeliveryOption(from, service, minDays, maxDays, JsonResponses.amount(fee), AliExpressJson.CURRENCY,
				tracking);
	}

}
