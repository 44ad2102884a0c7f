package eu.tmall.gateway.upstream;

/**
 * An upstream call that did not give an answer, with what kind of failure it was.
 * Messages are safe to show a caller: they never carry secrets, signed URLs or upstream
 * bodies.
 */
public class UpstreamException extends RuntimeException {

	private final Upstream upstream;

	private final Kind kind;

	public UpstreamException(Upstream upstream, Kind kind, String message) {
		this(upstream, kind, message, null);
	}

	public UpstreamException(Upstream upstream, Kind kind, String message, Throwable cause) {
		super(upstream.displayName() + ": " + message, cause, false, false);
		this.upstream = upstream;
		this.kind = kind;
	}

	public Upstream upstream() {
		return this.upstream;
	}

	public Kind kind() {
		return this.kind;
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
