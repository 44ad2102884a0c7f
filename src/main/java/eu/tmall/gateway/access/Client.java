package eu.tmall.gateway.access;

import eu.tmall.gateway.observability.RequestClient;
import org.jspecify.annotations.Nullable;

/**
 * A caller the gateway has recognised.
 *
 * @param id the client id, in logs and rate limits; never the key
 * @param partner whether it is a partner app with an API key, rather than a first-party
 * frontend
 * @param trustedDocuments the only operations it may run, or {@code null} for any
 */
record Client(String id, boolean partner, @Nullable TrustedDocuments trustedDocuments) {

	static final Client FIRST_PARTY = new Client("first-party", false, null);

	static final Client ANONYMOUS = new Client(RequestClient.ANONYMOUS, false, null);

}
