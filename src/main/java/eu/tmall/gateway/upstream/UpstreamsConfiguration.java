package eu.tmall.gateway.upstream;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import eu.tmall.gateway.catalog.MarketplaceCatalog;
import eu.tmall.gateway.shared.SharedTier;
import eu.tmall.gateway.upstream.aliexpress.AliExpressCatalog;
import eu.tmall.gateway.upstream.aliexpress.AliExpressClient;
import eu.tmall.gateway.upstream.tmall.TmallCatalog;
import eu.tmall.gateway.upstream.tmall.TmallClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One client per upstream, and each marketplace of the catalog on top of its client,
 * behind the shared caches.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamsConfiguration {

	@Bean
	TmallClient tmallClient(UpstreamChannels channels) {
		return new TmallClient(channels.open(Upstream.TMALL_EUROPE));
	}

	@Bean
	AliExpressClient aliExpressClient(UpstreamChannels channels) {
		return new AliExpressClient(channels.open(Upstream.ALIEXPRESS));
	}

	/** Trial calls to an upstream whose breaker turned half-open. */
	@Bean
	HalfOpenProbe halfOpenProbe(UpstreamChannels channels, TmallClient tmall, AliExpressClient aliExpress) {
		List<String> gtin = List.of(HalfOpenProbe.GTIN);
		return new HalfOpenProbe(channels,
				Map.of(Upstream.TMALL_EUROPE, () -> tmall.findByGtins(gtin, HalfOpenProbe.SHIP_TO).then(),
						Upstream.ALIEXPRESS, () -> aliExpress.findByEans(gtin, HalfOpenProbe.SHIP_TO).then()));
	}

	/** Readiness: each upstream's breaker under {@code upstreams}. */
	@Bean
	CompositeHealthContributor upstreams(UpstreamChannels channels) {
		return UpstreamHealthIndicator.perUpstream(channels);
	}

	@Bean
	MarketplaceCatalog tmallCatalog(TmallClient client, CacheProperties caches, Clock clock, SharedTier shared,
			JsonMapper json) {
		return CachingMarketplaceCatalog.wrap(new TmallCatalog(client), caches, clock, shared, json);
	}

	@Bean
	MarketplaceCatalog aliExpressCatalog(AliExpressClient client, CacheProperties caches, Clock clock,
			SharedTier shared, JsonMapper json) {
		return CachingMarketplaceCatalog.wrap(new AliExpressCatalog(client), caches, clock, shared, json);
	}

}
