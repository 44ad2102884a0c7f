package eu.tmall.gateway.upstream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shared caches of upstream entities, one per kind and marketplace.
 *
 * @param enabled whether answers are cached at all; off, every request goes upstream
 * @param offers offers by GTIN and by id
 * @param search pages of the marketplaces' own search
 * @param freight AliExpress delivery options per product
 */
@ConfigurationProperties("gateway.cache")
public record CacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue Spec offers,
		@DefaultValue Spec search, @DefaultValue Spec freight) {

	/**
	 * One cache.
	 *
	 * @param ttl how long an answer is served before it is asked again
	 * @param maxSize how many entries are kept at most
	 * @param maxStale how long past its TTL an answer is still served, marked stale, when
	 * the marketplace fails to answer it again (offers only); zero for never
	 */
	public record Spec(@DefaultValue("5m") Duration ttl, @DefaultValue("10000") long maxSize,
			@DefaultValue("0s") Duration maxStale) {

	}

}
