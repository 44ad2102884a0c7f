package eu.tmall.gateway.access;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The gateway's callers. First-party frontends are recognised by their origin
 * ({@code spring.graphql.cors.allowed-origins}, or the gateway's own pages); partner apps
 * by an API key; widgets on partners' shop pages by a publishable key and the page's
 * origin.
 *
 * @param requireKey whether a request from no first-party origin needs an API key
 * @param partners the partner apps by client id
 * @param publishable the publishable widget keys by client id
 */
@ConfigurationProperties("gateway.clients")
record ClientsProperties(@DefaultValue("true") boolean requireKey, @Nullable Map<String, Partner> partners,
		@Nullable Map<String, Publishable> publishable) {

	private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

	private static final Pattern PUBLISHABLE_KEY = Pattern.compile("pk_[A-Za-z0-9_-]{16,}");

	ClientsProperties {
		partners = (partners != null) ? Map.copyOf(partners) : Map.of();
		publishable = (publishable != null) ? Map.copyOf(publishable) : Map.of();
		partners.forEach((id, partner) -> {
			if (!SHA_256_HEX.matcher(partner.keySha256()).matches()) {
				throw new IllegalArgumentException(
						"gateway.clients.partners.%s.key-sha256 must be the lowercase hex SHA-256 of the key"
							.formatted(id));
			}
		});
		validate(publishable, partners.keySet());
	}

	private static void validate(Map<String, Publishable> publishable, Set<String> partnerIds) {
		Set<String> keys = new HashSet<>();
		publishable.forEach((id, widget) -> {
			String property = "gateway.clients.publishable." + id;
			if (partnerIds.contains(id)) {
				throw new IllegalArgumentException(
						("%s: '%s' is a partner's id too; give the publishable key an id of its own, as rate limits and"
								+ " metrics count by id")
							.formatted(property, id));
			}
			if (!PUBLISHABLE_KEY.matcher(widget.key()).matches()) {
				throw new IllegalArgumentException(property
						+ ".key must be 'pk_' and at least 16 more letters, digits, '_' or '-', so that a page's"
						+ " reader sees it is a public key");
			}
			if (!keys.add(widget.key())) {
				throw new IllegalArgumentException(property + ".key is another publishable key's too");
			}
			if (widget.allowedOrigins().isEmpty()) {
				throw new IllegalArgumentException(
						property + ".allowed-origins must list the origins of the pages that embed the widget");
			}
			widget.allowedOrigins().forEach(origin -> checkOrigin(property + ".allowed-origins", origin));
		});
	}

	/**
	 * An origin exactly as browsers send it, so that comparing strings is comparing
	 * origins: {@code https://shop.example.eu}, or with a port other than the scheme's.
	 */
	private static void checkOrigin(String property, String origin) {
		URI uri;
		try {
			uri = new URI(origin);
		}
		catch (Exception ex) {
			uri = null;
		}
		boolean serialized = uri != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
				&& uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawPath().isEmpty()
				&& uri.getRawQuery() == null && uri.getRawFragment() == null
				&& origin.equals(origin.toLowerCase(Locale.ROOT)) && !hasDefaultPort(uri);
		if (!serialized) {
			throw new IllegalArgumentException(
					("%s: '%s' is not an origin as browsers send it: scheme and host in lower case, a port only when"
							+ " it is not the scheme's, no path, not even '/' (e.g. https://shop.example.eu)")
						.formatted(property, origin));
		}
	}

	private static boolean hasDefaultPort(URI uri) {
		return ("https".equals(uri.getScheme()) && uri.getPort() == 443)
				|| ("http".equals(uri.getScheme()) && uri.getPort() == 80);
	}

	/**
	 * A partner app.
	 *
	 * @param keySha256 lowercase hex SHA-256 of its API key; the key itself is never
	 * stored
	 * @param rateLimit its token bucket
	 * @param trustedDocuments a JSON file of SHA-256 hash to document: when set, the
	 * partner may run only these operations
	 */
	record Partner(String keySha256, @DefaultValue RateLimit rateLimit, @Nullable Resource trustedDocuments) {

	}

	/**
	 * A publishable key: the key of a widget on a partner's shop pages. Any key in a page
	 * is public, so it is stored as it is; the origins, the documents and the rate limit
	 * are what bound it.
	 *
	 * @param key the key, {@code pk_} and at least 16 more characters
	 * @param allowedOrigins the origins of the pages that may use it; CORS lets them in
	 * @param rateLimit its token bucket, shared by every shopper on those pages
	 * @param trustedDocuments the only operations it may run: a JSON file of SHA-256 hash
	 * to document, or one {@code .graphql} document; the widget's own by default
	 */
	record Publishable(@DefaultValue("") String key, @DefaultValue List<String> allowedOrigins,
			@DefaultValue RateLimit rateLimit, @DefaultValue(TrustedDocuments.WIDGET) Resource trustedDocuments) {

		Publishable {
			allowedOrigins = List.copyOf(allowedOrigins);
		}

	}

	/**
	 * A token bucket: {@code capacity} requests at once, {@code refill} more every
	 * {@code period}.
	 *
	 * @param capacity the most requests in a burst
	 * @param refill tokens added every period, spread evenly over it
	 * @param period the refill period
	 */
	record RateLimit(@DefaultValue("100") long capacity, @DefaultValue("100") long refill,
			@DefaultValue("1m") Duration period) {

		RateLimit {
			if (capacity < 1 || refill < 1 || period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException("a rate limit needs a positive capacity, refill and period");
			}
		}

	}

}
