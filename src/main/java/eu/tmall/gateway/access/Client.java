package eu.tmall.gateway.access;

import eu.tmall.gateway.observability.RequestClient;
import org.jspecify.annotations.Nullable;

/**
 * A caller the gateway has recognised.
 *
 * @param id the client id, in logs and rate limits; never the key
 * @param kind how it was recognised
 * @param trustedDocuments the only operations it may run, or {@code null} for any
 */
record Client(String id, Kind kind, @Nullable TrustedDocuments trustedDocuments) {

	static final Client FIRST_PARTY = new Client("first-party", Kind.FIRST_PARTY, null);

	static final Client ANONYMOUS = new Client(RequestClient.ANONYMOUS, Kind.ANONYMOUS, null);

	/** Whether it was recognised by a key, and so has a rate limit of its own. */
	boolean keyed() {
		return this.kind == Kind.PARTNER || this.kind == Kind.PUBLISHABLE;
	}

	enum Kind {

		/** A page on a first-party origin, or the gateway's own. */
		FIRST_PARTY,

		/** No key where none is required. */
		ANONYMOUS,

		/** The developer's own machine, in the {@code local} profile. */
		LOCAL,

		/** A partner app, by its secret API key. */
		PARTNER,

		/** A widget on a partner's page, by its publishable key and the page's origin. */
		PUBLISHABLE

	}

}
