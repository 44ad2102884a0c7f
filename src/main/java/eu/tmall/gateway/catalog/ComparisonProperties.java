package eu.tmall.gateway.catalog;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How offers are compared.
 *
 * @param eurosPerDay what one business day less of waiting is worth to a shopper, in
 * euros: {@code BEST_VALUE} prefers an offer that arrives a day sooner while it costs
 * less than this much more
 */
@ConfigurationProperties("gateway.comparison")
public record ComparisonProperties(BigDecimal eurosPerDay) {

	public ComparisonProperties {
		if (eurosPerDay == null || eurosPerDay.signum() < 0) {
			throw new IllegalArgumentException(
					"gateway.comparison.euros-per-day must be zero or more, was " + eurosPerDay);
		}
	}

}
