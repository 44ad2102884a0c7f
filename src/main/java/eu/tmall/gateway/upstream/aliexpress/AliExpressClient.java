package eu.tmall.gateway.upstream.aliexpress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import eu.tmall.gateway.upstream.Batches;
import eu.tmall.gateway.upstream.UpstreamChannel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

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

	private final UpstreamChannel channel;

	public AliExpressClient(UpstreamChannel channel) {
		this.channel = channel;
	}

	public Mono<AliExpressProductPage> search(String keywords, String shipTo, int pageNo, int pageSize) {
		return call(QUERY, Map.of("keywords", keywords, "ship_to_country", shipTo, "page_no", String.valueOf(pageNo),
				"page_size", String.valueOf(pageSize)), this::page);
	}

	public Flux<AliExpressProduct> findByIds(Collection<String> productIds, String shipTo) {
		return Batches.split(productIds, MAX_BATCH, part -> lookup(DETAIL, "product_ids", part, shipTo));
	}

	public Flux<AliExpressProduct> findByEans(Collection<String> eans, String shipTo) {
		return Batches.split(eans, MAX_BATCH, part -> lookup(BY_EAN, "ean_codes", part, shipTo));
	}

	/** Every delivery option of one product; the platform cannot batch this call. */
	public Flux<AliExpressDeliveryOption> freight(String productId, String shipTo) {
		return call(FREIGHT, Map.of("product_id", productId, "ship_to_country", shipTo), this::deliveryOptions)
			.flatMapIterable(Function.identity());
	}

	private Flux<AliExpressProduct> lookup(String method, String name, List<String> values, String shipTo) {
		return call(method, Map.of(name, String.join(",", values), "ship_to_country", shipTo), this::page)
			.flatMapIterable(AliExpressProductPage::list);
	}

	private AliExpressProductPage page(JsonNode result) {
		return this.channel.json().treeToValue(result, AliExpressProductPage.class);
	}

	private List<AliExpressDeliveryOption> deliveryOptions(JsonNode result) {
		List<AliExpressDeliveryOption> options = new ArrayList<>();
		for (JsonNode option : result.path("delivery_options").path("delivery_option")) {
			options.add(this.channel.json().treeToValue(option, AliExpressDeliveryOption.class));
		}
		return options;
	}

	/**
	 * One signed call; the result is decoded inside the deadline and error translation.
	 */
	private <T> Mono<T> call(String method, Map<String, String> business, Function<JsonNode, T> decode) {
		Map<String, String> params = new LinkedHashMap<>(business);
		params.put("method", method);
		params.put("target_currency", "EUR");
		params.put("target_language", "EN");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		this.channel.signed("", params).forEach(form::add);
		Mono<T> call = this.channel.webClient()
			.post()
			.uri("/sync")
			.attribute(UpstreamChannel.METHOD_ATTRIBUTE, method)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.map(body -> decode.apply(AliExpressEnvelope.result(method, body)));
		return this.channel.guard(call);
	}

	@Override
	public String toString() {
		return "AliExpressClient[" + this.channel + "]";
	}

}
