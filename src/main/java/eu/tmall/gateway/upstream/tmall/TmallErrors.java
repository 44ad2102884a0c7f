package eu.tmall.gateway.upstream.tmall;

import java.util.Set;

import eu.tmall.gateway.upstream.RetryAfter;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamException;
import eu.tmall.gateway.upstream.UpstreamException.Kind;
import tools.jackson.databind.JsonNode;

/**
 * Tmall Europe's error envelope ({@code {"type","code","message","request_id"}}) as typed
 * exceptions.
 */
final class TmallErrors {

	private static final Set<String> AUTH = Set.of("IncompleteSignature", "InvalidAppKey", "InvalidSignature",
			"IllegalAccessToken");

	private static final Set<String> RATE_LIMIT = Set.of("ApiCallLimit", "AppCallLimit");

	private TmallErrors() {
	}

	static UpstreamException fromEnvelope(JsonNode body) {
		String code = body.path("code").asString("");
		String requestId = body.path("request_id").asString("none");
		if (code.isEmpty()) {
			return new UpstreamException(Upstream.TMALL_EUROPE, Kind.BAD_RESPONSE,
					"answered without the documented envelope");
		}
		if (AUTH.contains(code)) {
			return new UpstreamException(Upstream.TMALL_EUROPE, Kind.AUTH,
					"refused the request signature or app key (%s, request %s): check the configured app key and secret"
						.formatted(code, requestId));
		}
		if (RATE_LIMIT.contains(code)) {
			// should the message name a ban as AliExpress's does ("this ban will last 1
			// seconds"), no retry comes sooner
			return new UpstreamException(Upstream.TMALL_EUROPE, Kind.RATE_LIMITED,
					"answered error %s (request %s)".formatted(code, requestId), null, true,
					RetryAfter.fromMessage(body.path("message").asString("")));
		}
		Kind kind = "ISV".equals(body.path("type").asString("")) ? Kind.BAD_REQUEST : Kind.UNAVAILABLE;
		return new UpstreamException(Upstream.TMALL_EUROPE, kind,
				"answered error %s (request %s)".formatted(code, requestId));
	}

}
