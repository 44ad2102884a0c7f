package eu.tmall.gateway.access;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The publishable keys of widgets on partners' shop pages. A key in a page is public, so
 * it is looked up as it is; what makes it safe to publish is that it is good only from
 * its own origins, for its own documents, within its own rate limit. A server can send
 * any {@code Origin}: the origin keeps other sites' pages from using the key, it does not
 * authenticate.
 */
class PublishableKeys {

	private final Map<String, Entry> byKey = new HashMap<>();

	private final CorsConfiguration cors = new CorsConfiguration();

	PublishableKeys(List<Entry> entries) {
		Set<String> origins = new LinkedHashSet<>();
		for (Entry entry : entries) {
			this.byKey.put(entry.key(), entry);
			origins.addAll(entry.allowedOrigins());
		}
		this.cors.setAllowedOrigins(List.copyOf(origins));
		this.cors.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name()));
		this.cors.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE,
				Callers.API_KEY_HEADER));
		// a widget over its rate limit can tell the shopper when to try again
		this.cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER));
		this.cors.setMaxAge(Duration.ofHours(1));
	}

	/** The publishable key's entry, or {@code null} when it is not one. */
	@Nullable Entry find(String key) {
		return this.byKey.get(key);
	}

	/**
	 * Whether any publishable key may be used from this origin. A preflight carries no
	 * key, so CORS lets in the origins of every key; the request itself is answered only
	 * with a key that lists its origin.
	 */
	boolean isAllowedOrigin(@Nullable String origin) {
		return origin != null && this.cors.checkOrigin(origin) != null;
	}

	/** CORS for the pages of every publishable key. */
	CorsConfiguration cors() {
		return this.cors;
	}

	/**
	 * One publishable key.
	 *
	 * @param key the key
	 * @param client the client it names
	 * @param allowedOrigins the origins of the pages that may use it
	 */
	record Entry(String key, Client client, Set<String> allowedOrigins) {

		Entry {
			allowedOrigins = Set.copyOf(allowedOrigins);
		}

		/** The client, when the request comes from one of the key's origins. */
		Client admit(@Nullable String origin) {
			if (origin == null) {
				throw RefusedRequest.originNotAllowed(
						("the publishable key of client '%s' works only in a web page on one of its allowed origins,"
								+ " and the request has no Origin")
							.formatted(this.client.id()));
			}
			if (!this.allowedOrigins.contains(origin)) {
				throw RefusedRequest.originNotAllowed(
						("the publishable key of client '%s' may be used only from its allowed origins, and %s is not"
								+ " one of them")
							.formatted(this.client.id(), origin));
			}
			return this.client;
		}

	}

}
