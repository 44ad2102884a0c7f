package eu.tmall.gateway.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the request summary lines are written ({@link SummaryLog}).
 *
 * @param flushInterval the longest a summary line waits in the buffer before it is
 * written; 0 writes each line at once
 */
@ConfigurationProperties("gateway.observability.summary-log")
record SummaryLogProperties(@DefaultValue("500ms") Duration flushInterval) {

	SummaryLogProperties {
		if (flushInterval.isNegative() || flushInterval.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException(
					"gateway.observability.summary-log.flush-interval must be between 0 and 1m, e.g. 500ms");
		}
	}

}
