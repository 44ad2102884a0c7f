package eu.tmall.gateway.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The counter the gateway's own rate limiter reports its rejections to (the limiter is
 * built separately: it calls {@link #rejected(String)} once per refused request). Clients
 * are the configured API keys' names, never the keys, so the series stay few.
 */
@Component
public class RateLimitMetrics {

	/** {@code gateway_ratelimit_rejections_total{client=…}} in Prometheus. */
	public static final String REJECTIONS = "gateway.ratelimit.rejections";

	private final MeterRegistry registry;

	RateLimitMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public void rejected(String client) {
		Counter.builder(REJECTIONS)
			.description("Requests refused by the gateway's rate limit")
			.tag("client", client)
			.register(this.registry)
			.increment();
	}

}
