package eu.tmall.gateway.upstream.aliexpress;

import java.util.Set;

import eu.tmall.gateway.upstream.RetryAfter;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamException;
import eu.tmall.gateway.upstream.UpstreamException.Kind;
import tools.jackson.databind.JsonNode;

/**
 * Opens AliExpress's envelopes: the method's {@code resp_result} on success, a typed
 * exception for {@code error_response} or a {@code resp_code} other than 200.
 */
final class AliExpressEnvelope {

	private static final Set<String> AUTH = Set.of("IncompleteSignature", "InvalidAppKey", "InvalidSignature");

	private static final String RATE_LIMIT_MESSAGE = "Api access frequency exceeds the limit";

	private AliExpressEnvelope() {
	}

	static JsonNode result(String method, JsonNode body) {
		JsonNode error = body.get("error_response");
		if (error != null) {
			throw fromError(error);
		}
		JsonNode result = body.path(responseKey(method)).path("resp_result");
		if (result.isMissingNode()) {
			throw new UpstreamException(Upstream.ALIEXPRESS, Kind.BAD_RESPONSE,
					"answered %s without the documented envelope".formatted(method));
		}
		int code = result.path("resp_code").asInt(0);
		if (code != 200) {
			throw new UpstreamException(Upstream.ALIEXPRESS, Kind.BAD_RESPONSE,
					"answered %s with resp_code %d".formatted(method, code));
		}
		return result.path("result");
	}

	static String responseKey(String method) {
		return "aliexpress_" + method.substring("aliexpress.".length()).replace('.', '_') + "_response";
	}

	private static UpstreamException fromError(JsonNode error) {
		String code = error.path("code").asString("");
		String requestId = error.path("request_id").asString("none");
		if (AUTH.contains(code)) {
			return new UpstreamException(Upstream.ALIEXPRESS, Kind.AUTH,
					"refused the request signature or app key (%s, request %s): check the configured app key and secret"
						.formatted(code, requestId));
		}
		String message = error.path("msg").asString("");
		if ("ApiCallLimit".equals(code) || message.startsWith(RATE_LIMIT_MESSAGE)) {
			// the platform bans the app key for the seconds its message names
			return new UpstreamException(Upstream.ALIEXPRESS, Kind.RATE_LIMITED,
					"call-rate limit exceeded (request %s)".formatted(requestId), null, true,
					RetryAfter.fromMessage(message));
		}
		Kind kind = "ISV".equals(error.path("type").asString("")) ? Kind.BAD_REQUEST : Kind.UNAVAILABLE;
		return new UpstreamException(Upstream.ALIEXPRESS, kind,
				"answered error %s (request %s)".formatted(code, requestId));
	}

}
