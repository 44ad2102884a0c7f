package eu.tmall.gateway.access;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a refusal as a GraphQL response: no {@code data}, one error.
 */
class ErrorResponses {

	private final JsonMapper json;

	ErrorResponses(JsonMapper json) {
		this.json = json;
	}

	Mono<Void> write(ServerWebExchange exchange, RefusedRequest refusal) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(refusal.status());
		response.getHeaders().putAll(refusal.headers());
		response.getHeaders().setContentType(mediaType(exchange));
		Map<String, Object> error = Map.of("message", refusal.getMessage(), "extensions",
				Map.of("code", refusal.code()));
		byte[] body = this.json.writeValueAsBytes(Map.of("errors", List.of(error)));
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
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
