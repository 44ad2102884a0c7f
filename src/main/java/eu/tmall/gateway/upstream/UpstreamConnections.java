package eu.tmall.gateway.upstream;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Decides where each upstream is: its configured base URL and credentials, or else the
 * embedded upstream.
 */
public final class UpstreamConnections {

	private UpstreamConnections() {
	}

	public static UpstreamConnection resolve(Upstream upstream, UpstreamsProperties properties,
			ObjectProvider<EmbeddedConnections> embedded) {
		UpstreamsProperties.Endpoint endpoint = properties.of(upstream);
		URI baseUrl = endpoint.baseUrl();
		if (baseUrl == null || baseUrl.toString().isEmpty()) {
			EmbeddedConnections connections = embedded.getIfAvailable();
			if (connections == null) {
				throw new IllegalStateException(
						"gateway.upstreams.%s.base-url is not set and the embedded upstreams are off"
							.formatted(upstream.id()));
			}
			return connections.connection(upstream);
		}
		if (isBlank(endpoint.appKey()) || isBlank(endpoint.appSecret())) {
			throw new IllegalStateException(
					"gateway.upstreams.%s.base-url is set, so its app-key and app-secret must be too (the secret from the environment)"
						.formatted(upstream.id()));
		}
		return new UpstreamConnection(baseUrl, endpoint.appKey(), endpoint.appSecret());
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
