package eu.tmall.gateway.upstream.ecb;

import java.net.URI;
import java.util.Objects;

import eu.tmall.gateway.pricing.ExchangeRates;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The ECB client and its schedule, only when {@code gateway.pricing.ecb.url} is set:
 * without it the gateway uses the bundled snapshot and makes no call.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${gateway.pricing.ecb.url:}'.isBlank()")
class EcbRatesConfiguration {

	@Bean
	EcbRatesClient ecbRatesClient(WebClient.Builder builder, EcbProperties properties) {
		URI url = Objects.requireNonNull(properties.url());
		return EcbRatesClient.create(builder, url, properties.timeout());
	}

	@Bean
	EcbRatesRefresher ecbRatesRefresher(EcbRatesClient client, ExchangeRates rates, EcbProperties properties) {
		return new EcbRatesRefresher(client, rates, properties.refresh());
	}

}
