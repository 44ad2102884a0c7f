package eu.tmall.gateway.startup;

import eu.tmall.gateway.upstream.CacheProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Readiness that waits for the warm-up: this availability replaces Boot's own.
 */
@Configuration(proxyBeanMethods = false)
class StartupConfiguration {

	@Bean
	WarmUpAvailability applicationAvailability() {
		return new WarmUpAvailability();
	}

	@Bean
	WarmUp warmUp(WarmUpProperties properties, WarmUpAvailability availability, CacheProperties caches, JsonMapper json,
			LoggingSystem logging) {
		return new WarmUp(properties, availability, caches, json, logging);
	}

}
