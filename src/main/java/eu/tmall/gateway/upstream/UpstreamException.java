package eu.tmall.gateway.upstream;

import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An upstream call that did not give an answer, with what kind of failure it was.
 * Messages are safe to show a caller: they never carry secrets, signed URLs or upstream
 * bodies.
 */
public class UpstreamException extends RuntimeException {

	// an upstream that answers nonsense or slowly is as unhealthy as one that is down; a
	// refused signature or parameter is our configuration or bug, and tells nothing
	private static final Set<Kind> HEALTH_FAILURES = Set.of(Kind.TIMEOUT, Kind.UNAVAILABLE, Kind.RATE_LIMITED,
			Kind.BAD_RESPONSE);

	private final Upstream upstream;

	private final Kind kind;

	private final boolean retryable;

	private final @Nullable Duration retryAfter;

	public UpstreamException(Upstream upstream, Kind kind, String message) {
		this(upstream, kind, message, null);
	}

	public UpstreamException(Upstream upstream, Kind kind, String message, @Nullable Throwable cause) {
		this(upstream, kind, message, cause, kind == Kind.RATE_LIMITED);
	}

	/**
	 * A failure that says itself whether another attempt may cure it: the kind alone does
	 * not tell, a 503 may pass where a 500 or a platform error of the same kind will not.
	 */
	public UpstreamException(Upstream upstream, Kind kind, String message, @Nullable Throwable cause,
			boolean retryable) {
		this(upstream, kind, message, cause, retryable, null);
	}

	/**
	 * A failure whose answer said how long to wait before calling again (its
	 * {@code Retry-After}, or the ban a rate-limit message announces).
	 */
	public UpstreamException(Upstream upstream, Kind kind, String message, @Nullable Throwable cause, boolean retryable,
			@Nullable Duration retryAfter) {
		super(upstream.displayName() + ": " + message, cause, false, false);
		this.upstream = upstream;
		this.kind = kind;
		this.retryable = retryable;
		this.retryAfter = retryAfter;
	}

	private UpstreamException(UpstreamException failure, String reason) {
		super(failure.getMessage() + reason, failure.getCause(), false, false);
		this.upstream = failure.upstream;
		this.kind = failure.kind;
		this.retryable = false;
		this.retryAfter = failure.retryAfter;
	}

	/** The same failure, not to be tried again, with the reason added to its message. */
	UpstreamException notRetried(String reason) {
		return new UpstreamException(this, reason);
	}

	public Upstream upstream() {
		return this.upstream;
	}

	public Kind kind() {
		return this.kind;
	}

	/**
	 * Whether an idempotent read may be tried again: connection failures, 502, 503, 504
	 * and the platforms' call-rate limit; never a refused signature or another 4xx.
	 */
	public boolean retryable() {
		return this.retryable;
	}

	/**
	 * Whether this failure says the upstream is unwell, so that its circuit breaker
	 * counts it: no connection, a 5xx, its call-rate limit, an answer that is not its
	 * envelope, or no answer within the attempt's timeout (counted from the moment the
	 * call was on the wire). Not a refused credential or parameter: ours to fix.
	 */
	public boolean countsAgainstTheUpstream() {
		return HEALTH_FAILURES.contains(this.kind);
	}

	/**
	 * How long after this answer the upstream asked not to be called; {@code null} when
	 * it did not say.
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Why the call failed; each kind is one {@code extensions.code} of the GraphQL error.
	 */
	public enum Kind {

		/** No answer within the deadline. */
		TIMEOUT,

		/** Not reachable, or a 5xx. */
		UNAVAILABLE,

		/** The platform's call-rate limit. */
		RATE_LIMITED,

		/** An answer that is not the documented envelope. */
		BAD_RESPONSE,

		/** The platform refused our credentials or signature. */
		AUTH,

		/** The platform refused a parameter: a bug on our side, not the caller's. */
		BAD_REQUEST

	}

}
