package eu.tmall.gateway.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import eu.tmall.gateway.upstream.ApiSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the embedded upstreams over real HTTP the way the gateway's clients do.
 */
final class PlatformCalls {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PlatformCalls() {
	}

	/** The parameters plus the system parameters and the signature over them. */
	static Map<String, String> signed(Credentials credentials, String prefix, Map<String, String> parameters) {
		Map<String, String> all = new LinkedHashMap<>(parameters);
		all.put("app_key", credentials.appKey());
		all.put("timestamp", String.valueOf(System.currentTimeMillis()));
		all.put("sign_method", "sha256");
		all.put("sign", ApiSigner.sign(credentials.appSecret(), prefix, all));
		return all;
	}

	static Answer get(String url, Map<String, String> parameters) {
		return send(HttpRequest.newBuilder(URI.create(url + "?" + form(parameters))).GET().build());
	}

	static Answer post(String url, Map<String, String> parameters) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
			.build());
	}

	private static Answer send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					JSON.readTree(response.body()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	record Answer(int status, String contentType, JsonNode body) {

	}

}
