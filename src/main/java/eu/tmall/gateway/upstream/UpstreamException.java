package eu.tmall.gateway.upstream;

import org.jspecify.annotations.Nullable;

/**
 * An upstream call that did not give an answer, with what kind of failure it was.
 * Messages are safe to show a caller: they never carry secrets, signed URLs or upstream
 * bodies.
 */
public class UpstreamException extends RuntimeException {

	private final Upstream upstream;

	private final Kind kind;

	private final boolean retryable;

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
		super(upstream.displayName() + ": " + message, cause, false, false);
		this.upstream = upstream;
		this.kind = kind;
		this.retryable = retryable;
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
