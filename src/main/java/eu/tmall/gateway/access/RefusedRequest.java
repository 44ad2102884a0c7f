package eu.tmall.gateway.access;

import java.time.Duration;
import java.util.Set;

import eu.tmall.gateway.graphql.ErrorCode;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * A request the gateway answers itself, with an HTTP status and one GraphQL error whose
 * {@code extensions.code} says why.
 */
final class RefusedRequest extends RuntimeException {

	private final HttpStatus status;

	private final ErrorCode code;

	private final HttpHeaders headers;

	private final @Nullable Long retryAfterSeconds;

	private RefusedRequest(HttpStatus status, ErrorCode code, String message, HttpHeaders headers) {
		this(status, code, message, headers, null);
	}

	/** With {@code Retry-After}, in the headers and for the error's extensions. */
	private RefusedRequest(HttpStatus status, ErrorCode code, String message, long retryAfterSeconds) {
		this(status, code, message, new HttpHeaders(), retryAfterSeconds);
		this.headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
	}

	private RefusedRequest(HttpStatus status, ErrorCode code, String message, HttpHeaders headers,
			@Nullable Long retryAfterSeconds) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.headers = headers;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	static RefusedRequest badRequest(String message) {
		return new RefusedRequest(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST, message, new HttpHeaders());
	}

	static RefusedRequest tooLarge(HttpStatus status, String message) {
		return new RefusedRequest(status, ErrorCode.QUERY_TOO_LARGE, message, new HttpHeaders());
	}

	static RefusedRequest unsupportedMediaType(String message) {
		return new RefusedRequest(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE, message,
				new HttpHeaders());
	}

	static RefusedRequest unauthenticated(String message) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + Callers.API_KEY_HEADER + "\"");
		return new RefusedRequest(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, message, headers);
	}

	static RefusedRequest originNotAllowed(String message) {
		return new RefusedRequest(HttpStatus.FORBIDDEN, ErrorCode.ORIGIN_NOT_ALLOWED, message, new HttpHeaders());
	}

	static RefusedRequest rateLimited(String clientId, Duration retryAfter) {
		// whole seconds, rounded up: a client that waits that long finds a token
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		return new RefusedRequest(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
				"client '%s' is over its rate limit; retry after %d s".formatted(clientId, seconds), seconds);
	}

	static RefusedRequest overloaded(Duration retryAfter) {
		return new RefusedRequest(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.OVERLOADED,
				"the gateway is serving as many requests as it can (gateway.admission); retry after %d s"
					.formatted(retryAfter.toSeconds()),
				retryAfter.toSeconds());
	}

	static RefusedRequest notTrusted(String clientId, String hash) {
		return new RefusedRequest(HttpStatus.FORBIDDEN, ErrorCode.OPERATION_NOT_TRUSTED,
				"client '%s' may run only its trusted documents, and %s is not one of them".formatted(clientId, hash),
				new HttpHeaders());
	}

	static RefusedRequest getNotForMutations() {
		HttpHeaders headers = new HttpHeaders();
		headers.setAllow(Set.of(HttpMethod.POST));
		return new RefusedRequest(HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.BAD_REQUEST,
				"GET runs queries only: send mutations and subscriptions with POST", headers);
	}

	HttpStatus status() {
		return this.status;
	}

	ErrorCode code() {
		return this.code;
	}

	HttpHeaders headers() {
		return this.headers;
	}

	/** The seconds of its {@code Retry-After}, if it says when to come back. */
	@Nullable Long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
