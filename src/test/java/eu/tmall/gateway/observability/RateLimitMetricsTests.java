package eu.tmall.gateway.observability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter the rate limiter reports to: one series per client name.
 */
class RateLimitMetricsTests {

	@Test
	void shouldCountRejectionsPerClient() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		RateLimitMetrics metrics = new RateLimitMetrics(registry);

		metrics.rejected("comparison-widget");
		metrics.rejected("comparison-widget");
		metrics.rejected("partner-app");

		assertThat(registry.get(RateLimitMetrics.REJECTIONS).tag("client", "comparison-widget").counter().count())
			.isEqualTo(2);
		assertThat(registry.get(RateLimitMetrics.REJECTIONS).tag("client", "partner-app").counter().count())
			.isEqualTo(1);
	}

}
