package eu.tmall.gateway.access;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;

/**
 * Tells who sent a request. A browser on a first-party origin needs no key: browsers
 * always send {@code Origin} with a POST and CORS keeps other sites' pages out. A widget
 * on a partner's page sends its publishable key, good only from the page origins it
 * lists. Any other caller is a partner app and needs its key, unless keys are switched
 * off, or it is the developer's own machine in the {@code local} profile
 * ({@link LoopbackCallers}).
 */
class Callers {

	static final String API_KEY_HEADER = "X-Api-Key";

	private final ApiKeys keys;

	private final PublishableKeys publishable;

	private final @Nullable CorsConfiguration firstPartyOrigins;

	private final boolean requireKey;

	private final boolean loopbackRequiresKey;

	Callers(ApiKeys keys, PublishableKeys publishable, @Nullable CorsConfiguration firstPartyOrigins,
			boolean requireKey, boolean loopbackRequiresKey) {
		this.keys = keys;
		this.publishable = publishable;
		this.firstPartyOrigins = firstPartyOrigins;
		this.requireKey = requireKey;
		this.loopbackRequiresKey = loopbackRequiresKey;
	}

	Client identify(ServerHttpRequest request) {
		String key = request.getHeaders().getFirst(API_KEY_HEADER);
		if (key != null) {
			PublishableKeys.Entry widget = this.publishable.find(key);
			if (widget != null) {
				return widget.admit(request.getHeaders().getOrigin());
			}
			Client partner = this.keys.find(key);
			if (partner == null) {
				throw RefusedRequest
					.unauthenticated("the API key in the %s header is not known".formatted(API_KEY_HEADER));
			}
			return partner;
		}
		if (isFirstParty(request)) {
			return Client.FIRST_PARTY;
		}
		if (!this.loopbackRequiresKey && LoopbackCallers.isLocal(request)) {
			return LoopbackCallers.LOCAL;
		}
		if (!this.requireKey) {
			return Client.ANONYMOUS;
		}
		throw RefusedRequest
			.unauthenticated("this endpoint needs an API key in the %s header".formatted(API_KEY_HEADER));
	}

	private boolean isFirstParty(ServerHttpRequest request) {
		String origin = request.getHeaders().getOrigin();
		if (origin == null) {
			return false;
		}
		return isSameOrigin(request)
				|| (this.firstPartyOrigins != null && this.firstPartyOrigins.checkOrigin(origin) != null);
	}

	/** The gateway's own pages, GraphiQL among them. */
	private static boolean isSameOrigin(ServerHttpRequest request) {
		try {
			return !CorsUtils.isCorsRequest(request);
		}
		catch (IllegalArgumentException ex) {
			// an Origin that is not a URL
			return false;
		}
	}

}
