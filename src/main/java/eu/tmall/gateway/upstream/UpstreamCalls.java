package eu.tmall.gateway.upstream;

import java.time.Clock;
import java.util.Set;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;

import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * What both clients do alike: a WebClient with the endpoint's timeouts, and transport
 * failures translated into {@link UpstreamException}s that are safe to show, each saying
 * whether it tells anything of the upstream's health.
 */
final class UpstreamCalls {

	// gateway errors a proxy or load balancer in front of the platform answers while it
	// restarts or sheds load; a plain 500 is the platform's own bug and will happen again
	private static final Set<Integer> TRANSIENT_STATUSES = Set.of(502, 503, 504);

	// a Retry-After date is wall time on the wire, whatever clock the business rules use
	private static final Clock WALL_CLOCK = Clock.systemUTC();

	private UpstreamCalls() {
	}

	static WebClient webClient(WebClient.Builder builder, Upstream upstream, UpstreamConnection connection,
			UpstreamsProperties.Endpoint endpoint) {
		// an attempt's timeout starts once the request is on the wire, not when the call
		// was made: what it waited for before is the gateway's
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) endpoint.connectTimeout().toMillis())
			.doAfterRequest((request, sent) -> WireTimeout.start(sent, endpoint.timeout()));
		return builder.clone()
			.baseUrl(connection.baseUrl().toString())
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize((int) endpoint.maxResponseSize().toBytes()))
			.observationConvention(new UpstreamObservationConvention(upstream))
			.build();
	}

	static UpstreamException translate(Upstream upstream, Throwable ex) {
		if (has(ex, ConnectTimeoutException.class)) {
			return new UpstreamException(upstream, UpstreamException.Kind.TIMEOUT, "no connection within the timeout",
					ex, true);
		}
		WireTimeout.WireTimeoutException silent = find(ex, WireTimeout.WireTimeoutException.class);
		if (silent != null) {
			return new UpstreamException(upstream, UpstreamException.Kind.TIMEOUT, silent.getMessage(), ex);
		}
		if (ex instanceof WebClientResponseException response && response.getStatusCode().isError()) {
			int status = response.getStatusCode().value();
			return new UpstreamException(upstream, kindOf(status), "answered HTTP " + status, ex,
					status == 429 || TRANSIENT_STATUSES.contains(status),
					RetryAfter.fromHeaders(response.getHeaders(), WALL_CLOCK));
		}
		if (ex instanceof WebClientRequestException) {
			return new UpstreamException(upstream, UpstreamException.Kind.UNAVAILABLE, "could not be reached", ex,
					true);
		}
		if (has(ex, DataBufferLimitException.class)) {
			return new UpstreamException(upstream, UpstreamException.Kind.BAD_RESPONSE,
					"answered with a body larger than the gateway reads", ex);
		}
		UnsupportedMediaTypeException media = find(ex, UnsupportedMediaTypeException.class);
		if (media != null) {
			return new UpstreamException(upstream, UpstreamException.Kind.BAD_RESPONSE,
					"answered with content type %s instead of JSON".formatted(media.getContentType()));
		}
		if (has(ex, CodecException.class) || has(ex, JacksonException.class)) {
			return new UpstreamException(upstream, UpstreamException.Kind.BAD_RESPONSE,
					"answered with a body that is not the documented JSON envelope", ex);
		}
		// the cause is kept out of what callers see, but logged where the error is
		// resolved
		return new UpstreamException(upstream, UpstreamException.Kind.BAD_RESPONSE,
				"failed unexpectedly (" + ex.getClass().getSimpleName() + ")", ex);
	}

	static UpstreamException.Kind kindOf(int status) {
		if (status == 429) {
			return UpstreamException.Kind.RATE_LIMITED;
		}
		if (status == 401 || status == 403) {
			return UpstreamException.Kind.AUTH;
		}
		return (status >= 500) ? UpstreamException.Kind.UNAVAILABLE : UpstreamException.Kind.BAD_RESPONSE;
	}

	private static boolean has(Throwable ex, Class<? extends Throwable> type) {
		return find(ex, type) != null;
	}

	private static <T extends Throwable> @Nullable T find(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
