package eu.tmall.gateway.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a parcel really costs the shopper delivered, broken down. All amounts are in one
 * currency, each rounded to its minor unit, and {@code total} is exactly their sum.
 *
 * @param goods the articles, net of VAT
 * @param shipping the delivery fee, net of VAT
 * @param vat all the VAT the shopper pays, in the price or charged at import
 * @param duty customs duty
 * @param fees handling or clearance fees of the carrier
 * @param total goods + shipping + vat + duty + fees
 * @param regime the customs rules applied
 * @param vatRate the destination's standard VAT rate, in percent (e.g. 21 or 25.5)
 * @param rulesDate the date whose rules were applied
 * @param exchangeRatesDate the day of the ECB reference rates the amounts were converted
 * at
 * @param exchangeRatesOutdated whether an amount was converted at rates older than
 * {@code gateway.pricing.rates-max-age} on the rules date
 */
public record LandedCost(Money goods, Money shipping, Money vat, Money duty, Money fees, Money total,
		ImportRegime regime, BigDecimal vatRate, LocalDate rulesDate, LocalDate exchangeRatesDate,
		boolean exchangeRatesOutdated) {

	public LandedCost {
		// a loop, not a stream: one is built for every offer quoted
		BigDecimal sum = BigDecimal.ZERO;
		for (Money part : new Money[] { goods, shipping, vat, duty, fees }) {
			if (part.currency() != total.currency()) {
				throw new IllegalArgumentException("a landed cost is in one currency: " + part + " against " + total);
			}
			sum = sum.add(part.amount());
		}
		if (sum.compareTo(total.amount()) != 0) {
			throw new IllegalArgumentException("the parts add up to " + sum + ", not to the total " + total.amount());
		}
	}

}
