package eu.tmall.gateway.upstream;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * What a client needs to call its platform: the HTTP client on the platform's base URL,
 * the credentials, the deadlines and other guards, JSON and the clock the timestamps come
 * from.
 */
public record UpstreamChannel(Upstream upstream, WebClient webClient, UpstreamConnection connection,
		UpstreamsProperties.Endpoint endpoint, UpstreamResilience resilience, ObjectMapper json, Clock clock) {

	/**
	 * The request attribute a client sets to the platform method it calls, for the
	 * upstream call metrics.
	 */
	public static final String METHOD_ATTRIBUTE = UpstreamChannel.class.getName() + ".method";

	/** A channel with guards of its own, for a client used alone. */
	public static UpstreamChannel open(Upstream upstream, WebClient.Builder builder, UpstreamConnection connection,
			UpstreamsProperties.Endpoint endpoint, ObjectMapper json, Clock clock) {
		return open(upstream, builder, connection, new UpstreamResilience(upstream, endpoint), json, clock);
	}

	/**
	 * A channel whose guards are shared with whoever else holds them (health, other
	 * clients of the same upstream).
	 */
	public static UpstreamChannel open(Upstream upstream, WebClient.Builder builder, UpstreamConnection connection,
			UpstreamResilience resilience, ObjectMapper json, Clock clock) {
		UpstreamsProperties.Endpoint endpoint = resilience.endpoint();
		return new UpstreamChannel(upstream, UpstreamCalls.webClient(builder, upstream, connection, endpoint),
				connection, endpoint, resilience, json, clock);
	}

	/**
	 * The business parameters with the platform's system parameters and signature added.
	 */
	public Map<String, String> signed(String signPrefix, Map<String, String> business) {
		Map<String, String> params = new LinkedHashMap<>(business);
		params.put("app_key", this.connection.appKey());
		params.put("timestamp", String.valueOf(this.clock.millis()));
		params.put("sign_method", "sha256");
		params.put(ApiSigner.SIGN, ApiSigner.sign(this.connection.appSecret(), signPrefix, params));
		return params;
	}

	/**
	 * Applies the upstream's guards and turns whatever went wrong into an
	 * {@link UpstreamException}. The call must be cold, so a retry sends it again.
	 */
	public <T> Mono<T> guard(Mono<T> call) {
		return this.resilience.apply(call);
	}

	@Override
	public String toString() {
		return "UpstreamChannel[" + this.upstream.id() + " at " + this.connection.baseUrl() + "]";
	}

}
