package eu.tmall.gateway.upstream.tmall;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.tmall.gateway.upstream.ApiSigner;
import eu.tmall.gateway.upstream.Batches;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamCalls;
import eu.tmall.gateway.upstream.UpstreamConnection;
import eu.tmall.gateway.upstream.UpstreamException;
import eu.tmall.gateway.upstream.UpstreamsProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;

/**
 * The Tmall Europe open platform: signed GETs under {@code /rest}, answers in a
 * {@code {"code":"0","data":…}} envelope. Bulk lookups are split at the platform's limit
 * of {@value #MAX_BATCH} and the parts run concurrently.
 */
public class TmallClient {

	/** The platform's limit on ids or GTINs per lookup. */
	public static final int MAX_BATCH = 50;

	private final WebClient webClient;

	private final UpstreamConnection connection;

	private final UpstreamsProperties.Endpoint endpoint;

	private final ObjectMapper json;

	private final Clock clock;

	public TmallClient(WebClient webClient, UpstreamConnection connection, UpstreamsProperties.Endpoint endpoint,
			ObjectMapper json, Clock clock) {
		this.webClient = webClient;
		this.connection = connection;
		this.endpoint = endpoint;
		this.json = json;
		this.clock = clock;
	}

	public Mono<TmallSearchPage> search(String query, String shipTo, int offset, int limit) {
		return call("/products/search", Map.of("q", query, "ship_to", shipTo, "offset", String.valueOf(offset), "limit",
				String.valueOf(limit)));
	}

	public Flux<TmallListing> findById(String itemId, String shipTo) {
		return findByIds(List.of(itemId), shipTo);
	}

	public Flux<TmallListing> findByIds(Collection<String> itemIds, String shipTo) {
		return Batches.split(itemIds, MAX_BATCH, part -> lookup("/products/get", "item_ids", part, shipTo));
	}

	public Flux<TmallListing> findByGtins(Collection<String> gtins, String shipTo) {
		return Batches.split(gtins, MAX_BATCH, part -> lookup("/products/gtin/get", "gtins", part, shipTo));
	}

	private Flux<TmallListing> lookup(String path, String name, List<String> values, String shipTo) {
		return call(path, Map.of(name, String.join(",", values), "ship_to", shipTo))
			.flatMapIterable(TmallSearchPage::listings);
	}

	private Mono<TmallSearchPage> call(String path, Map<String, String> business) {
		Map<String, String> params = new LinkedHashMap<>(business);
		params.put("app_key", this.connection.appKey());
		params.put("timestamp", String.valueOf(this.clock.millis()));
		params.put("sign_method", "sha256");
		params.put(ApiSigner.SIGN, ApiSigner.sign(this.connection.appSecret(), path, params));
		Mono<TmallSearchPage> call = this.webClient.get()
			.uri(uri -> withParams(uri.path("/rest" + path), params).build(params))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.map(this::unwrap);
		return UpstreamCalls.guard(call, Upstream.TMALL_EUROPE, this.endpoint);
	}

	private static UriBuilder withParams(UriBuilder uri, Map<String, String> params) {
		params.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
		return uri;
	}

	private TmallSearchPage unwrap(JsonNode body) {
		if ("0".equals(body.path("code").asString(null)) && body.has("data")) {
			return this.json.treeToValue(body.get("data"), TmallSearchPage.class);
		}
		throw TmallErrors.fromEnvelope(body);
	}

	@Override
	public String toString() {
		return "TmallClient[" + this.connection.baseUrl() + "]";
	}

}
