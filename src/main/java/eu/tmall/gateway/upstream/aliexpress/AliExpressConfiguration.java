package eu.tmall.gateway.upstream.aliexpress;

import java.time.Clock;

import eu.tmall.gateway.catalog.MarketplaceCatalog;
import eu.tmall.gateway.upstream.CacheProperties;
import eu.tmall.gateway.upstream.CachingMarketplaceCatalog;
import eu.tmall.gateway.upstream.EmbeddedConnections;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamCalls;
import eu.tmall.gateway.upstream.UpstreamConnection;
import eu.tmall.gateway.upstream.UpstreamConnections;
import eu.tmall.gateway.upstream.UpstreamsProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The AliExpress client, on the configured or the embedded upstream.
 */
@Configuration(proxyBeanMethods = false)
class AliExpressConfiguration {

	@Bean
	AliExpressClient aliExpressClient(WebClient.Builder builder, UpstreamsProperties properties,
			ObjectProvider<EmbeddedConnections> embedded, JsonMapper json, Clock clock) {
		UpstreamConnection connection = UpstreamConnections.resolve(Upstream.ALIEXPRESS, properties, embedded);
		return new AliExpressClient(UpstreamCalls.webClient(builder, connection, properties.aliexpress()), connection,
				properties.aliexpress(), json, clock);
	}

	@Bean
	MarketplaceCatalog aliExpressCatalog(AliExpressClient client, CacheProperties caches) {
		return CachingMarketplaceCatalog.wrap(new AliExpressCatalog(client), caches);
	}

}
