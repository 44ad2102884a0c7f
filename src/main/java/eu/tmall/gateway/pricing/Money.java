package eu.tmall.gateway.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in a currency, a decimal rounded to the currency's minor unit, never a
 * double.
 */
public record Money(BigDecimal amount, Currency currency) {

	/**
	 * The one rounding rule for money: to the nearest minor unit, an exact half up (away
	 * from zero). It is the EU's rule for converting to and from the euro (Council
	 * Regulation (EC) No 1103/97, art. 5: "exactly half-way ... rounded up"), the
	 * commercial rounding shoppers and customs offices apply, and it does not depend on
	 * whether the cent before the half is odd, as half-even would.
	 */
	public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

	public Money {
		amount = amount.setScale(currency.minorUnits(), ROUNDING);
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
