package eu.tmall.gateway.upstream.ecb;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where newer ECB reference rates come from. Without a URL the bundled snapshot is used
 * and nothing is fetched.
 *
 * @param url the ECB's {@code eurofxref-daily.xml}, or a mirror of it; unset for the
 * bundled snapshot only
 * @param refresh how often the file is fetched again after start-up
 * @param timeout the deadline for one fetch, answer included
 */
@ConfigurationProperties("gateway.pricing.ecb")
public record EcbProperties(@Nullable URI url, @DefaultValue("6h") Duration refresh,
		@DefaultValue("10s") Duration timeout) {

	public EcbProperties {
		url = (url != null && url.toString().isBlank()) ? null : url;
		if (refresh.isNegative() || refresh.isZero() || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("gateway.pricing.ecb refresh and timeout must be positive");
		}
	}

}
