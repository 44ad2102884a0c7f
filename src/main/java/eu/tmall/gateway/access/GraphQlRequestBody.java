package eu.tmall.gateway.access;

import java.util.List;
import java.util.Map;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.GraphQlRequest;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.util.MultiValueMap;

/**
 * The parameters of a GraphQL-over-HTTP request, checked for their JSON types, so that a
 * malformed request gets a message that says what is wrong, and then handed to
 * spring-graphql as they are ({@link #toGraphQlRequest()}): the body is parsed once.
 */
record GraphQlRequestBody(@Nullable String query, @Nullable String operationName,
		@Nullable Map<String, @Nullable Object> variables, @Nullable Map<String, Object> extensions) {

	static GraphQlRequestBody fromJson(byte[] body, JsonMapper json) {
		if (!(readJson(body, json, "the request body") instanceof Map<?, ?> root)) {
			throw RefusedRequest.badRequest("the request body must be a JSON object");
		}
		return new GraphQlRequestBody(string(root.get("query"), "query"),
				string(root.get("operationName"), "operationName"), object(root.get("variables"), "variables"),
				object(root.get("extensions"), "extensions"));
	}

	/** A GET request's URL parameters, variables and extensions as JSON strings. */
	static GraphQlRequestBody fromParameters(MultiValueMap<String, String> parameters, JsonMapper json) {
		return new GraphQlRequestBody(parameters.getFirst("query"), parameters.getFirst("operationName"),
				jsonParameter(parameters, "variables", json), jsonParameter(parameters, "extensions", json));
	}

	/** The id of an Apollo automatic persisted query, if the request names one. */
	@Nullable String persistedQueryHash() {
		Object persistedQuery = (this.extensions != null) ? this.extensions.get("persistedQuery") : null;
		if (persistedQuery == null) {
			return null;
		}
		if (!(persistedQuery instanceof Map<?, ?> map && map.get("sha256Hash") instanceof String hash)) {
			throw RefusedRequest.badRequest("'extensions.persistedQuery.sha256Hash' must be a string");
		}
		return hash;
	}

	GraphQlRequestBody withQuery(String document) {
		return new GraphQlRequestBody(document, this.operationName, this.variables, this.extensions);
	}

	/**
	 * The request as spring-graphql runs it. One with only a persisted query's hash gets
	 * graphql-java's marker as its document, as spring-graphql's own reading gives it.
	 */
	GraphQlRequest toGraphQlRequest() {
		String document = (this.query != null) ? this.query : PersistedQuerySupport.PERSISTED_QUERY_MARKER;
		return new DefaultGraphQlRequest(document, this.operationName, this.variables, this.extensions);
	}

	private static @Nullable Object readJson(byte[] body, JsonMapper json, String what) {
		try {
			return json.readValue(body, Object.class);
		}
		catch (JacksonException ex) {
			throw RefusedRequest.badRequest("%s is not valid JSON: %s".formatted(what, ex.getOriginalMessage()));
		}
	}

	private static @Nullable Map<String, @Nullable Object> jsonParameter(MultiValueMap<String, String> parameters,
			String name, JsonMapper json) {
		String value = parameters.getFirst(name);
		if (value == null || value.isEmpty()) {
			return null;
		}
		Object parsed;
		try {
			parsed = json.readValue(value, Object.class);
		}
		catch (JacksonException ex) {
			throw RefusedRequest.badRequest("'%s' must be a JSON object: %s".formatted(name, ex.getOriginalMessage()));
		}
		return object(parsed, name);
	}

	private static @Nullable String string(@Nullable Object value, String name) {
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw RefusedRequest.badRequest("'%s' must be a string, not %s".formatted(name, describe(value)));
	}

	@SuppressWarnings("unchecked") // a JSON object read untyped is a Map of String keys
	private static @Nullable Map<String, @Nullable Object> object(@Nullable Object value, String name) {
		if (value == null || value instanceof Map) {
			return (Map<String, @Nullable Object>) value;
		}
		throw RefusedRequest.badRequest("'%s' must be a JSON object, not %s".formatted(name, describe(value)));
	}

	private static String describe(Object value) {
		if (value instanceof List) {
			return "an array";
		}
		if (value instanceof Boolean) {
			return "a boolean";
		}
		if (value instanceof Number) {
			return "a number";
		}
		return (value instanceof String) ? "a string" : "an object";
	}

}
