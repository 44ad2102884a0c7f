package eu.tmall.gateway.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a refusal as a GraphQL response: no {@code data}, one error, whose extensions
 * carry its code, the trace id and, for a refusal that says when to come back, the
 * seconds of its {@code Retry-After} as {@code retryAfter}.
 */
class ErrorResponses {

	private final JsonMapper json;

	private final Supplier<@Nullable String> traceIds;

	/**
	 * @param traceIds the current request's trace id, where the refusal is written
	 */
	ErrorResponses(JsonMapper json, Supplier<@Nullable String> traceIds) {
		this.json = json;
		this.traceIds = traceIds;
	}

	Mono<Void> write(ServerWebExchange exchange, RefusedRequest refusal) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(refusal.status());
		response.getHeaders().putAll(refusal.headers());
		response.getHeaders().setContentType(mediaType(exchange));
		// `handle` puts the request's trace on the thread (context propagation is
		// limited)
		Mono<DataBuffer> body = Mono.just(refusal).handle((refused, sink) -> {
			Map<String, Object> extensions = new LinkedHashMap<>();
			extensions.put("code", refused.code().name());
			String traceId = this.traceIds.get();
			if (traceId != null) {
				extensions.put("traceId", traceId);
			}
			Long retryAfter = refused.retryAfterSeconds();
			if (retryAfter != null) {
				// for clients that read only the body
				extensions.put("retryAfter", retryAfter);
			}
			Map<String, Object> error = Map.of("message", refused.getMessage(), "extensions", extensions);
			sink.next(response.bufferFactory().wrap(this.json.writeValueAsBytes(Map.of("errors", List.of(error)))));
		});
		return response.writeWith(body);
	}

	/** The GraphQL-over-HTTP media type to those who ask for it, JSON to all others. */
	private static MediaType mediaType(ServerWebExchange exchange) {
		try {
			boolean graphQlResponse = exchange.getRequest()
				.getHeaders()
				.getAccept()
				.stream()
				.anyMatch(MediaType.APPLICATION_GRAPHQL_RESPONSE::equalsTypeAndSubtype);
			return graphQlResponse ? MediaType.APPLICATION_GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON;
		}
		catch (InvalidMediaTypeException ex) {
			return MediaType.APPLICATION_JSON;
		}
	}

}
