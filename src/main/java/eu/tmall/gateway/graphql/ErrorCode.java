package eu.tmall.gateway.graphql;

import eu.tmall.gateway.upstream.UpstreamException;

/**
 * Every {@code extensions.code} the gateway answers with: nothing else reaches a caller
 * ({@link CodedErrors}). The README's table of error codes lists each with its HTTP
 * status, meaning and whether to retry, and a test holds the two together.
 */
public enum ErrorCode {

	/** A request that is not a well-formed GraphQL-over-HTTP request. */
	BAD_REQUEST,

	/** A POST body that is not {@code application/json}. */
	UNSUPPORTED_MEDIA_TYPE,

	/** A body or document over a size limit. */
	QUERY_TOO_LARGE,

	/** A document that does not parse. */
	GRAPHQL_PARSE_FAILED,

	/** A document that does not validate against the schema. */
	GRAPHQL_VALIDATION_FAILED,

	/** An argument or variable the schema accepts in form but the gateway cannot use. */
	BAD_USER_INPUT,

	/** Fields nested deeper than allowed. */
	QUERY_TOO_DEEP,

	/** A query that would cost more than allowed. */
	QUERY_TOO_COMPLEX,

	/** More aliased fields than allowed. */
	TOO_MANY_ALIASES,

	/** An automatic persisted query's hash that is not registered yet. */
	PERSISTED_QUERY_NOT_FOUND,

	/** A persisted query whose document is not the one its hash names. */
	PERSISTED_QUERY_ID_INVALID,

	/** No API key, or an unknown one. */
	UNAUTHENTICATED,

	/** A publishable key used from an origin it does not list, or from no web page. */
	ORIGIN_NOT_ALLOWED,

	/** A partner restricted to trusted documents sent another one. */
	OPERATION_NOT_TRUSTED,

	/** A partner over its rate limit. */
	RATE_LIMITED,

	/**
	 * The gateway is serving as many requests as it can and refused this one at once:
	 * retry after {@code Retry-After}.
	 */
	OVERLOADED,

	/** A marketplace that did not answer in time. */
	UPSTREAM_TIMEOUT,

	/** A marketplace that is unreachable, failing, or whose breaker is open. */
	UPSTREAM_UNAVAILABLE,

	/** A marketplace's call-rate limit, or the gateway's own limit of calls to it. */
	UPSTREAM_RATE_LIMITED,

	/** A marketplace's answer that is not its documented envelope. */
	UPSTREAM_BAD_RESPONSE,

	/** A marketplace that refused the gateway's credentials. */
	UPSTREAM_AUTH,

	/** A marketplace that refused a parameter the gateway sent. */
	UPSTREAM_BAD_REQUEST,

	/** The request's upstream-call budget for a marketplace was spent: ask for less. */
	REQUEST_BUDGET_EXCEEDED,

	/** The request's deadline passed before a marketplace answered. */
	REQUEST_DEADLINE_EXCEEDED,

	/** A failure the gateway did not expect: a bug, to report with the trace id. */
	INTERNAL_ERROR;

	static ErrorCode of(UpstreamException.Kind kind) {
		return switch (kind) {
			case TIMEOUT -> UPSTREAM_TIMEOUT;
			case UNAVAILABLE -> UPSTREAM_UNAVAILABLE;
			case RATE_LIMITED -> UPSTREAM_RATE_LIMITED;
			case BAD_RESPONSE -> UPSTREAM_BAD_RESPONSE;
			case AUTH -> UPSTREAM_AUTH;
			case BAD_REQUEST -> UPSTREAM_BAD_REQUEST;
		};
	}

}
