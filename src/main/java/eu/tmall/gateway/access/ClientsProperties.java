package eu.tmall.gateway.access;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The gateway's callers. First-party frontends are recognised by their origin
 * ({@code spring.graphql.cors.allowed-origins}, or the gateway's own pages); partner apps
 * by an API key.
 *
 * @param requireKey whether a request from no first-party origin needs an API key
 * @param partners the partner apps by client id
 */
@ConfigurationProperties("gateway.clients")
record ClientsProperties(@DefaultValue("true") boolean requireKey, @Nullable Map<String, Partner> partners) {

	private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

	ClientsProperties {
		partners = (partners != null) ? Map.copyOf(partners) : Map.of();
		partners.forEach((id, partner) -> {
			if (!SHA_256_HEX.matcher(partner.keySha256()).matches()) {
				throw new IllegalArgumentException(
						"gateway.clients.partners.%s.key-sha256 must be the lowercase hex SHA-256 of the key"
							.formatted(id));
			}
		});
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
