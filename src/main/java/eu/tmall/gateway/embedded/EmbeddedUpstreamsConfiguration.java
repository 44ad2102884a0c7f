package eu.tmall.gateway.embedded;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

import eu.tmall.gateway.upstream.EmbeddedConnections;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded upstreams when an upstream has no base URL, with credentials made
 * up for this run only, so no secret is needed, stored or logged to try the gateway.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${gateway.upstreams.tmall.base-url:}'.isEmpty() or '${gateway.upstreams.aliexpress.base-url:}'.isEmpty()")
class EmbeddedUpstreamsConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedUpstreamsConfiguration.class);

	@Bean
	EmbeddedUpstreamsSettings embeddedUpstreamsSettings(EmbeddedProperties properties) {
		return new EmbeddedUpstreamsSettings(properties.tmallPort(), properties.aliexpressPort(), properties.latency(),
				properties.verifySignatures(), credentials("embedded-tmall"), credentials("embedded-aliexpress"),
				properties.journalEntries());
	}

	@Bean(destroyMethod = "close")
	EmbeddedUpstreams embeddedUpstreams(EmbeddedUpstreamsSettings settings) {
		EmbeddedUpstreams upstreams = EmbeddedUpstreams.start(settings, EmbeddedCatalog.generate());
		// loud on purpose: a deployment that forgot a base URL must not pass for real
		logger
			.warn("An upstream has no base URL: serving the embedded upstreams' generated catalog (Tmall Europe at {}, "
					+ "AliExpress at {})", upstreams.tmallBaseUrl(), upstreams.aliExpressBaseUrl());
		return upstreams;
	}

	@Bean
	EmbeddedConnections embeddedConnections(EmbeddedUpstreams upstreams, EmbeddedUpstreamsSettings settings) {
		return upstream -> (upstream == Upstream.TMALL_EUROPE) ? connection(upstreams.tmallBaseUrl(), settings.tmall())
				: connection(upstreams.aliExpressBaseUrl(), settings.aliExpress());
	}

	private static UpstreamConnection connection(String baseUrl, Credentials credentials) {
		return new UpstreamConnection(URI.create(baseUrl), credentials.appKey(), credentials.appSecret());
	}

	private static Credentials credentials(String appKey) {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return new Credentials(appKey, HexFormat.of().formatHex(secret));
	}

}
