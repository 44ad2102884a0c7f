package eu.tmall.gateway.upstream;

import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;

import org.springframework.core.codec.CodecException;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * What both clients do alike: a WebClient with the endpoint's timeouts, and transport
 * failures translated into {@link UpstreamException}s that are safe to show.
 */
final class UpstreamCalls {

	private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	private UpstreamCalls() {
	}

	static WebClient webClient(WebClient.Builder builder, UpstreamConnection connection,
			UpstreamsProperties.Endpoint endpoint) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) endpoint.connectTimeout().toMillis())
			.responseTimeout(endpoint.timeout());
		return builder.clone()
			.baseUrl(connection.baseUrl().toString())
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES))
			.build();
	}

	/** Applies the deadline and translates whatever went wrong on the way. */
	static <T> Mono<T> guard(Mono<T> call, Upstream upstream, UpstreamsProperties.Endpoint endpoint) {
		return call.timeout(endpoint.timeout())
			.onErrorMap(ex -> !(ex instanceof UpstreamException), ex -> translate(upstream, ex));
	}

	static UpstreamException translate(Upstream upstream, Throwable ex) {
		if (isTimeout(ex)) {
			return new UpstreamException(upstream, UpstreamException.Kind.TIMEOUT, "no answer within the deadline", ex);
		}
		if (ex instanceof WebClientResponseException response) {
			return new UpstreamException(upstream, kindOf(response.getStatusCode().value()),
					"answered HTTP " + response.getStatusCode().value(), ex);
		}
		if (ex instanceof WebClientRequestException) {
			return new UpstreamException(upstream, UpstreamException.Kind.UNAVAILABLE, "could not be reached", ex);
		}
		if (ex instanceof CodecException || ex instanceof JacksonException) {
			return new UpstreamException(upstream, UpstreamException.Kind.BAD_RESPONSE,
					"answered with a body that is not the documented JSON envelope", ex);
		}
		return new UpstreamException(upstream, UpstreamException.Kind.BAD_RESPONSE, "failed unexpectedly", ex);
	}

	private static UpstreamException.Kind kindOf(int status) {
		if (status == 429) {
			return UpstreamException.Kind.RATE_LIMITED;
		}
		if (status == 401 || status == 403) {
			return UpstreamException.Kind.AUTH;
		}
		return (status >= 500) ? UpstreamException.Kind.UNAVAILABLE : UpstreamException.Kind.BAD_RESPONSE;
	}

	private static boolean isTimeout(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException) {
				return true;
			}
		}
		return false;
	}

}
