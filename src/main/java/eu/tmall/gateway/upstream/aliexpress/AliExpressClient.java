package eu.tmall.gateway.upstream.aliexpress;

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
import eu.tmall.gateway.upstream.UpstreamsProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The AliExpress open platform: signed form POSTs to {@code /sync}, one {@code method} a
 * call, answers in a {@code {"aliexpress_<method>_response":{"resp_result":…}}} envelope.
 * Bulk lookups are split at the platform's limit of {@value #MAX_BATCH} and run
 * concurrently.
 */
public class AliExpressClient {

	/** The platform's limit on product ids or EAN codes per lookup. */
	public static final int MAX_BATCH = 20;

	static final String QUERY = "aliexpress.affiliate.product.query";

	static final String DETAIL = "aliexpress.affiliate.productdetail.get";

	static final String BY_EAN = "aliexpress.affiliate.product.ean.get";

	static final String FREIGHT = "aliexpress.ds.freight.query";

	private final WebClient webClient;

	private final UpstreamConnection connection;

	private final UpstreamsProperties.Endpoint endpoint;

	private final ObjectMapper json;

	private final Clock clock;

	public AliExpressClient(WebClient webClient, UpstreamConnection connection, UpstreamsProperties.Endpoint endpoint,
			ObjectMapper json, Clock clock) {
		this.webClient = webClient;
		this.connection = connection;
		this.endpoint = endpoint;
		this.json = json;
		this.clock = clock;
	}

	public Mono<AliExpressProductPage> search(String keywords, String shipTo, int pageNo, int pageSize) {
		return call(QUERY,
				Map.of("keywords", keywords, "ship_to_country", shipTo, "page_no", String.valueOf(pageNo), "page_size",
						String.valueOf(pageSize)))
			.map(result -> this.json.treeToValue(result, AliExpressProductPage.class));
	}

	public Flux<AliExpressProduct> findByIds(Collection<String> productIds, String shipTo) {
		return Batches.split(productIds, MAX_BATCH, part -> lookup(DETAIL, "product_ids", part, shipTo));
	}

	public Flux<AliExpressProduct> findByEans(Collection<String> eans, String shipTo) {
		return Batches.split(eans, MAX_BATCH, part -> lookup(BY_EAN, "ean_codes", part, shipTo));
	}

	/** Every delivery option of one product; the platform cannot batch this call. */
	public Flux<AliExpressDeliveryOption> freight(String productId, String shipTo) {
		return call(FREIGHT, Map.of("product_id", productId, "ship_to_country", shipTo))
			.flatMapIterable(result -> result.path("delivery_options").path("delivery_option"))
			.map(option -> this.json.treeToValue(option, AliExpressDeliveryOption.class));
	}

	private Flux<AliExpressProduct> lookup(String method, String name, List<String> values, String shipTo) {
		return call(method, Map.of(name, String.join(",", values), "ship_to_country", shipTo))
			.flatMapIterable(result -> this.json.treeToValue(result, AliExpressProductPage.class).list());
	}

	private Mono<JsonNode> call(String method, Map<String, String> business) {
		Map<String, String> params = new LinkedHashMap<>(business);
		params.put("method", method);
		params.put("app_key", this.connection.appKey());
		params.put("timestamp", String.valueOf(this.clock.millis()));
		params.put("sign_method", "sha256");
		params.put("target_currency", "EUR");
		params.put("target_language", "EN");
		params.put(ApiSigner.SIGN, ApiSigner.sign(this.connection.appSecret(), "", params));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		params.forEach(form::add);
		Mono<JsonNode> call = this.webClient.post()
			.uri("/sync")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.map(body -> AliExpressEnvelope.result(method, body));
		return UpstreamCalls.guard(call, Upstream.ALIEXPRESS, this.endpoint);
	}

	@Override
	public String toString() {
		return "AliExpressClient[" + this.connection.baseUrl() + "]";
	}

}
