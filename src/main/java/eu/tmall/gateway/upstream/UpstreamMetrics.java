package eu.tmall.gateway.upstream;

import java.util.List;

import eu.tmall.gateway.catalog.MarketplaceCatalog;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.stereotype.Component;

/**
 * The upstreams' state as meters: each cache's hits, misses, evictions and size
 * ({@code cache.*}, tagged with the cache and its upstream) from Caffeine's own stats,
 * and each circuit breaker's state and calls ({@code resilience4j.circuitbreaker.*}). The
 * calls themselves are Boot's {@code http.client.requests}, tagged by
 * {@link UpstreamObservationConvention}.
 */
@Component
class UpstreamMetrics implements MeterBinder {

	private final UpstreamChannels channels;

	private final List<MarketplaceCatalog> catalogs;

	UpstreamMetrics(UpstreamChannels channels, List<MarketplaceCatalog> catalogs) {
		this.channels = channels;
		this.catalogs = catalogs;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.channels.breakers()).bindTo(registry);
		for (MarketplaceCatalog catalog : this.catalogs) {
			if (catalog instanceof CachingMarketplaceCatalog caching) {
				String upstream = Upstream.valueOf(catalog.marketplace().name()).id();
				caching.caches()
					.forEach((name, cache) -> CaffeineCacheMetrics.monitor(registry, cache, name,
							Tags.of("upstream", upstream)));
			}
		}
	}

}
