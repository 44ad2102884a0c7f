package eu.tmall.gateway.pricing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the dated rule tables warn that they run out.
 *
 * @param warnAhead how long before a table's end the health and the metric warn
 */
@ConfigurationProperties("gateway.rules")
public record RulesProperties(@DefaultValue("60d") Duration warnAhead) {

	public RulesProperties {
		if (warnAhead.isNegative()) {
			throw new IllegalArgumentException("gateway.rules.warn-ahead cannot be negative: " + warnAhead);
		}
	}

}
