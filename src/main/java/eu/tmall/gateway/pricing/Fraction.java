package eu.tmall.gateway.pricing;

import java.math.BigDecimal;

/**
 * An exact amount: a quotient of two decimals, kept unevaluated until it is shown. Net
 * prices (a price over 1.21), shares and conversions divide, and a quotient cut to any
 * number of digits can land a hair off a half cent and round the wrong way; a fraction
 * rounds once, exactly, by {@link Money#ROUNDING}.
 *
 * @param numerator any decimal
 * @param denominator a positive decimal
 */
record Fraction(BigDecimal numerator, BigDecimal denominator) implements Comparable<Fraction> {

	static final Fraction ZERO = of(BigDecimal.ZERO);

	Fraction {
		if (denominator.signum() <= 0) {
			throw new IllegalArgumentException("a fraction's denominator must be positive, not " + denominator);
		}
	}

	static Fraction of(BigDecimal value) {
		return new Fraction(value, BigDecimal.ONE);
	}

	Fraction plus(Fraction other) {
		if (this.denominator.compareTo(other.denominator) == 0) {
			return new Fraction(this.numerator.add(other.numerator), this.denominator);
		}
		return new Fraction(this.numerator.multiply(other.denominator).add(other.numerator.multiply(this.denominator)),
				this.denominator.multiply(other.denominator));
	}

	Fraction minus(Fraction other) {
		return plus(new Fraction(other.numerator.negate(), other.denominator));
	}

	Fraction times(BigDecimal factor) {
		return new Fraction(this.numerator.multiply(factor), this.denominator);
	}

	Fraction dividedBy(BigDecimal divisor) {
		if (divisor.signum() <= 0) {
			throw new IllegalArgumentException("an amount is divided by a positive number only, not " + divisor);
		}
		return new Fraction(this.numerator, this.denominator.multiply(divisor));
	}

	/** Rounded to {@code scale} decimals by the one rule for money. */
	BigDecimal rounded(int scale) {
		return this.numerator.divide(this.denominator, scale, Money.ROUNDING);
	}

	@Override
	public int compareTo(Fraction other) {
		return this.numerator.multiply(other.denominator).compareTo(other.numerator.multiply(this.denominator));
	}

	int compareTo(BigDecimal value) {
		return compareTo(of(value));
	}

}
