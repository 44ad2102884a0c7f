package eu.tmall.gateway.pricing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The tariff line of each catalog category. A category without one is a sub-heading of
 * its own at the default duty rate, so it is never merged with another for the flat duty.
 */
final class Tariffs {

	static final String UNCLASSIFIED = "unclassified";

	private final Map<String, Line> byCategory = new HashMap<>();

	private final BigDecimal defaultRate;

	Tariffs(PricingProperties.Customs customs) {
		for (PricingProperties.Tariff tariff : customs.tariffs()) {
			this.byCategory.put(tariff.category(), new Line(tariff.hsCode(), tariff.dutyRate()));
		}
		this.defaultRate = customs.defaultDutyRate();
	}

	Line of(@Nullable String category) {
		if (category == null) {
			return new Line(UNCLASSIFIED, this.defaultRate);
		}
		return this.byCategory.getOrDefault(category, new Line(category, this.defaultRate));
	}

	/**
	 * A tariff sub-heading and its duty rate.
	 *
	 * @param subheading the HS sub-heading, or what stands for one
	 * @param dutyRate the duty rate in percent
	 */
	record Line(String subheading, BigDecimal dutyRate) {

	}

}
