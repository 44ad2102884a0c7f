package eu.tmall.gateway.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the request's DataLoaders call upstream.
 *
 * @param freightConcurrency the most unbatchable freight calls one request makes at once
 */
@ConfigurationProperties("gateway.loaders")
record LoaderProperties(@DefaultValue("8") int freightConcurrency) {

	LoaderProperties {
		if (freightConcurrency < 1) {
			throw new IllegalArgumentException("gateway.loaders.freight-concurrency must be at least 1");
		}
	}

}
