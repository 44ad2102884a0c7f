package eu.tmall.gateway.embedded;

import java.util.Map;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Answers every call to the embedded AliExpress upstream: {@code {base}/sync} with the
 * method and its parameters in the form body or query, signed without a prefix.
 */
final class AliExpressTransformer implements ResponseDefinitionTransformerV2 {

	static final String NAME = "aliexpress-catalog";

	private static final String SYNC = "/sync";

	private final AliExpressApi api;

	private final SignatureVerifier verifier;

	private final JsonResponses responses;

	AliExpressTransformer(AliExpressApi api, SignatureVerifier verifier, JsonResponses responses) {
		this.api = api;
		this.verifier = verifier;
		this.responses = responses;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		String requestId = JsonResponses.requestId();
		try {
			return answer(serveEvent.getRequest(), requestId);
		}
		catch (PlatformException ex) {
			return error(ex.kind(), ex.getMessage(), ex.status(), requestId);
		}
		catch (RuntimeException ex) {
			return error(ErrorKind.INTERNAL_ERROR, "Internal error: " + ex, 200, requestId);
		}
	}

	private ResponseDefinition answer(Request request, String requestId) {
		String path = RequestPaths.of(request);
		if (!SYNC.equals(path)) {
			throw new PlatformException(ErrorKind.INVALID_API_PATH, "Unknown API path: " + path, 404);
		}
		RequestParameters parameters = RequestParameters.of(request);
		this.verifier.verify("", parameters);
		String method = parameters.required("method");
		Object result = this.api.answer(method, parameters);
		AliExpressJson.MethodResponse response = new AliExpressJson.MethodResponse(
				AliExpressJson.RespResult.succeeded(result), requestId);
		return this.responses.json(200, Map.of(AliExpressJson.responseKey(method), response));
	}

	private ResponseDefinition error(ErrorKind kind, String message, int status, String requestId) {
		AliExpressJson.ErrorResponse error = new AliExpressJson.ErrorResponse(kind.type(), kind.aliExpressCode(),
				message, requestId);
		return this.responses.json(status, Map.of("error_response", error));
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public String getName() {
		return NAME;
	}

}
