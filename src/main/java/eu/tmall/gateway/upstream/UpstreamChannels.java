package eu.tmall.gateway.upstream;

import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Opens the channel to each upstream: its configured base URL and credentials, or else
 * the embedded upstream.
 */
@Component
public class UpstreamChannels {

	private final WebClient.Builder builder;

	private final UpstreamsProperties properties;

	private final ObjectProvider<EmbeddedConnections> embedded;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<Upstream, UpstreamResilience> resilience = new EnumMap<>(Upstream.class);

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

	UpstreamChannels(WebClient.Builder builder, UpstreamsProperties properties,
			ObjectProvider<EmbeddedConnections> embedded, JsonMapper json, Clock clock) {
		this.builder = builder;
		this.properties = properties;
		this.embedded = embedded;
		this.json = json;
		this.clock = clock;
		for (Upstream upstream : Upstream.values()) {
			this.resilience.put(upstream, new UpstreamResilience(upstream, properties.of(upstream), this.breakers));
		}
	}

	public UpstreamChannel open(Upstream upstream) {
		return UpstreamChannel.open(upstream, this.builder, connection(upstream), resilience(upstream), this.json,
				this.clock);
	}

	/**
	 * The upstream's guards, one set per upstream for every channel to it, so its breaker
	 * and concurrency limit hold across clients and requests.
	 */
	public UpstreamResilience resilience(Upstream upstream) {
		return this.resilience.get(upstream);
	}

	/** Every upstream's circuit breaker, for the breaker metrics. */
	public CircuitBreakerRegistry breakers() {
		return this.breakers;
	}

	private UpstreamConnection connection(Upstream upstream) {
		UpstreamsProperties.Endpoint endpoint = this.properties.of(upstream);
		URI baseUrl = endpoint.baseUrl();
		if (baseUrl == null || baseUrl.toString().isEmpty()) {
			EmbeddedConnections connections = this.embedded.getIfAvailable();
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
