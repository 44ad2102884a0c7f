package eu.tmall.gateway.access;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.MultiValueMap;

/**
 * The parameters of a GraphQL-over-HTTP request, checked for their JSON types before
 * spring-graphql reads them, so that a malformed request gets a message that says what is
 * wrong.
 *
 * @param source the JSON body these were read from, handed on as it came while nothing
 * was changed ({@code null} for a GET)
 */
record GraphQlRequestBody(@Nullable String query, @Nullable String operationName, @Nullable JsonNode variables,
		@Nullable JsonNode extensions, byte @Nullable [] source) {

	static GraphQlRequestBody fromJson(byte[] body, JsonMapper json) {
		JsonNode root = readJson(body, json, "the request body");
		if (!root.isObject()) {
			throw RefusedRequest.badRequest("the request body must be a JSON object");
		}
		return new GraphQlRequestBody(string(root.get("query"), "query"),
				string(root.get("operationName"), "operationName"), object(root.get("variables"), "variables"),
				object(root.get("extensions"), "extensions"), body);
	}

	/** A GET request's URL parameters, variables and extensions as JSON strings. */
	static GraphQlRequestBody fromParameters(MultiValueMap<String, String> parameters, JsonMapper json) {
		return new GraphQlRequestBody(parameters.getFirst("query"), parameters.getFirst("operationName"),
				jsonParameter(parameters, "variables", json), jsonParameter(parameters, "extensions", json), null);
	}

	/** The id of an Apollo automatic persisted query, if the request names one. */
	@Nullable String persistedQueryHash() {
		JsonNode persistedQuery = (this.extensions != null) ? this.extensions.get("persistedQuery") : null;
		if (persistedQuery == null || persistedQuery.isNull()) {
			return null;
		}
		JsonNode hash = persistedQuery.get("sha256Hash");
		if (hash == null || !hash.isString()) {
			throw RefusedRequest.badRequest("'extensions.persistedQuery.sha256Hash' must be a string");
		}
		return hash.stringValue();
	}

	GraphQlRequestBody withQuery(String document) {
		return new GraphQlRequestBody(document, this.operationName, this.variables, this.extensions, null);
	}

	/** The request as a JSON body: the one it came in, unless it was a GET or changed. */
	byte[] toJson(JsonMapper json) {
		if (this.source != null) {
			return this.source;
		}
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("query", this.query);
		body.put("operationName", this.operationName);
		body.put("variables", this.variables);
		body.put("extensions", this.extensions);
		return json.writeValueAsBytes(body);
	}

	private static JsonNode readJson(byte[] body, JsonMapper json, String what) {
		try {
			return json.readTree(body);
		}
		catch (JacksonException ex) {
			throw RefusedRequest.badRequest("%s is not valid JSON: %s".formatted(what, ex.getOriginalMessage()));
		}
	}

	private static @Nullable JsonNode jsonParameter(MultiValueMap<String, String> parameters, String name,
			JsonMapper json) {
		String value = parameters.getFirst(name);
		if (value == null || value.isEmpty()) {
			return null;
		}
		JsonNode node;
		try {
			node = json.readTree(value);
		}
		catch (JacksonException ex) {
			throw RefusedRequest.badRequest("'%s' must be a JSON object: %s".formatted(name, ex.getOriginalMessage()));
		}
		return object(node, name);
	}

	private static @Nullable String string(@Nullable JsonNode node, String name) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw RefusedRequest.badRequest("'%s' must be a string, not %s".formatted(name, describe(node)));
		}
		return node.stringValue();
	}

	private static @Nullable JsonNode object(@Nullable JsonNode node, String name) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			throw RefusedRequest.badRequest("'%s' must be a JSON object, not %s".formatted(name, describe(node)));
		}
		return node;
	}

	private static String describe(JsonNode node) {
		return switch (node.getNodeType()) {
			case ARRAY -> "an array";
			case BOOLEAN -> "a boolean";
			case NUMBER -> "a number";
			case STRING -> "a string";
			case OBJECT -> "an object";
			default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
		};
	}

}
