package eu.tmall.gateway.shared;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared tier, connected when {@code gateway.shared.redis-url} is set, and its
 * readiness indicator {@code sharedTier}, there either way so that the readiness group
 * can name it.
 */
@Configuration(proxyBeanMethods = false)
class SharedTierConfiguration {

	@Bean(destroyMethod = "close")
	SharedTier sharedTier(SharedTierProperties properties, Clock clock, MeterRegistry registry) {
		return SharedTier.start(properties, clock, registry);
	}

	@Bean
	SharedTierHealthIndicator sharedTierHealthIndicator(SharedTier tier) {
		return new SharedTierHealthIndicator(tier);
	}

}
