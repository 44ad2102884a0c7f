package eu.tmall.gateway.upstream.tmall;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import eu.tmall.gateway.upstream.Batches;
import eu.tmall.gateway.upstream.UpstreamChannel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.web.util.UriBuilder;

/**
 * The Tmall Europe open platform: signed GETs under {@code /rest}, answers in a
 * {@code {"code":"0","data":…}} envelope. Bulk lookups are split at the platform's limit
 * of {@value #MAX_BATCH} and the parts run concurrently.
 */
public class TmallClient {

	/** The platform's limit on ids or GTINs per lookup. */
	public static final int MAX_BATCH = 50;

	private final UpstreamChannel channel;

	public TmallClient(UpstreamChannel channel) {
		this.channel = channel;
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
		Map<String, String> params = this.channel.signed(path, business);
		Mono<TmallSearchPage> call = this.channel.webClient()
			.get()
			.uri(uri -> withParams(uri.path("/rest" + path), params).build(params))
			.attribute(UpstreamChannel.METHOD_ATTRIBUTE, path)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.map(this::unwrap);
		return this.channel.guard(call);
	}

	private static UriBuilder withParams(UriBuilder uri, Map<String, String> params) {
		params.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
		return uri;
	}

	private TmallSearchPage unwrap(JsonNode body) {
		if ("0".equals(body.path("code").asString(null)) && body.has("data")) {
			return this.channel.json().treeToValue(body.get("data"), TmallSearchPage.class);
		}
		throw TmallErrors.fromEnvelope(body);
	}

	@Override
	public String toString() {
		return "TmallClient[" + this.channel + "]";
	}

}
