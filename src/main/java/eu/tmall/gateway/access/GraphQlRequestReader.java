package eu.tmall.gateway.access;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Reads a GraphQL request's parameters from a GET's URL or a POST's JSON body, never more
 * of the body than {@code gateway.limits.max-request-size}.
 */
class GraphQlRequestReader {

	private final long maxRequestBytes;

	private final JsonMapper json;

	GraphQlRequestReader(long maxRequestBytes, JsonMapper json) {
		this.maxRequestBytes = maxRequestBytes;
		this.json = json;
	}

	Mono<GraphQlRequestBody> read(ServerHttpRequest request) {
		if (HttpMethod.GET.equals(request.getMethod())) {
			return Mono.fromCallable(() -> GraphQlRequestBody.fromParameters(request.getQueryParams(), this.json));
		}
		return readBody(request);
	}

	private Mono<GraphQlRequestBody> readBody(ServerHttpRequest request) {
		MediaType contentType = contentType(request);
		if (contentType == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)) {
			return Mono.error(RefusedRequest.unsupportedMediaType(
					"Content-Type '%s' is not supported: send a GraphQL request as application/json, or a query with GET"
						.formatted(request.getHeaders().getFirst("Content-Type"))));
		}
		if (!isUtf8(contentType)) {
			return Mono.error(RefusedRequest.unsupportedMediaType(
					"charset '%s' is not supported: send application/json in UTF-8, which it is without a charset"
						.formatted(contentType.getParameter("charset"))));
		}
		if (request.getHeaders().getContentLength() > this.maxRequestBytes) {
			return Mono.error(tooLarge());
		}
		return DataBufferUtils.join(request.getBody(), (int) Math.min(Integer.MAX_VALUE, this.maxRequestBytes))
			.onErrorMap(DataBufferLimitException.class, ex -> tooLarge())
			.map(GraphQlRequestReader::bytes)
			.switchIfEmpty(Mono.error(() -> RefusedRequest.badRequest("the request has no body")))
			.map(bytes -> GraphQlRequestBody.fromJson(bytes, this.json));
	}

	private static @Nullable MediaType contentType(ServerHttpRequest request) {
		try {
			return request.getHeaders().getContentType();
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

	/**
	 * Whether the body is UTF-8, as JSON is (RFC 8259) and as it is read: no charset, or
	 * UTF-8 or its subset US-ASCII. A charset Java does not know fails the header's
	 * parsing, before this.
	 */
	private static boolean isUtf8(MediaType contentType) {
		Charset charset = contentType.getCharset();
		return charset == null || charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII);
	}

	private RefusedRequest tooLarge() {
		return RefusedRequest.tooLarge(HttpStatus.CONTENT_TOO_LARGE,
				"the request body is larger than gateway.limits.max-request-size (%d bytes)"
					.formatted(this.maxRequestBytes));
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
