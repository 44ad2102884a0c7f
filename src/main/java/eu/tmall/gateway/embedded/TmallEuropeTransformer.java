package eu.tmall.gateway.embedded;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Answers every call to the embedded Tmall Europe upstream: {@code {base}/rest{path}},
 * signed over the path, with the platform's success or error envelope.
 */
final class TmallEuropeTransformer implements ResponseDefinitionTransformerV2 {

	static final String NAME = "tmall-europe-catalog";

	private static final String REST = "/rest";

	private final TmallEuropeApi api;

	private final SignatureVerifier verifier;

	private final JsonResponses responses;

	TmallEuropeTransformer(TmallEuropeApi api, SignatureVerifier verifier, JsonResponses responses) {
		this.api = api;
		this.verifier = verifier;
		this.responses = responses;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		String requestId = JsonResponses.requestId();
		try {
			Object data = answer(serveEvent.getRequest());
			return this.responses.json(200, new TmallJson.Success(data, requestId));
		}
		catch (PlatformException ex) {
			return error(ex.kind(), ex.getMessage(), ex.status(), requestId);
		}
		catch (RuntimeException ex) {
			return error(ErrorKind.INTERNAL_ERROR, "Internal error: " + ex, 200, requestId);
		}
	}

	private Object answer(Request request) {
		String path = RequestPaths.of(request);
		String apiPath = path.startsWith(REST) ? path.substring(REST.length()) : path;
		if (!path.startsWith(REST) || !TmallEuropeApi.serves(apiPath)) {
			throw new PlatformException(ErrorKind.INVALID_API_PATH, "Unknown API path: " + path, 404);
		}
		RequestParameters parameters = RequestParameters.of(request);
		this.verifier.verify(apiPath, parameters);
		return this.api.answer(apiPath, parameters);
	}

	private ResponseDefinition error(ErrorKind kind, String message, int status, String requestId) {
		return this.responses.json(status, new TmallJson.Error(kind.type(), kind.tmallCode(), message, requestId));
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
