package eu.tmall.gateway.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in a currency, a decimal rounded to the currency's minor unit, never a
 * double.
 */
public record Money(BigDecimal amount, Currency currency) {

	public Money {
		amount = amount.setScale(currency.minorUnits(), RoundingMode.HALF_EVEN);
	}

	/** Parses an upstream's decimal string, e.g. "24.90". */
	public static Money of(String amount, Currency currency) {
		try {
			return new Money(new BigDecimal(amount), currency);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'%s' is not a decimal amount".formatted(amount), ex);
		}
	}

	public static Money zero(Currency currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

}
