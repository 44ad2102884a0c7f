package eu.tmall.gateway.graphql;

import java.util.Locale;

import eu.tmall.gateway.delivery.SupportedLocales;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Picks the shopper's language from {@code Accept-Language} among those the gateway
 * speaks, so "ja, de;q=0.8" is answered in German. When it names none of them (or is
 * missing) the locale is {@link Locale#ROOT}: no preference, so the root fields answer in
 * the destination's language ({@link ShopperLanguage}).
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

	// the bean name WebFlux looks the resolver up by
	@Bean
	LocaleContextResolver localeContextResolver() {
		AcceptHeaderLocaleContextResolver resolver = new AcceptHeaderLocaleContextResolver();
		resolver.setSupportedLocales(SupportedLocales.ALL);
		resolver.setDefaultLocale(Locale.ROOT);
		return resolver;
	}

}
