package eu.tmall.gateway.observability;

/**
 * Who is calling, as logs and metrics name it: whatever authenticates a request (the
 * API-key filter) puts the client's name, never its key, in the exchange attribute
 * {@value #ATTRIBUTE}; a request without one is {@value #ANONYMOUS}.
 */
public final class RequestClient {

	public static final String ATTRIBUTE = "gateway.client";

	public static final String ANONYMOUS = "anonymous";

	private RequestClient() {
	}

}
