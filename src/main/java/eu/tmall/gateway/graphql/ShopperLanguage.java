package eu.tmall.gateway.graphql;

import java.util.Locale;

import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.delivery.SupportedLocales;
import graphql.schema.DataFetchingEnvironment;

/**
 * The language a root field answers in, handed to every field below it as graphql-java's
 * local context: the shopper's {@code Accept-Language} when the gateway speaks it, else
 * the language of the field's destination ({@code shipTo}), which only the root field
 * knows. Labels and formatted amounts read it.
 */
final class ShopperLanguage {

	private ShopperLanguage() {
	}

	/** The language for shoppers in {@code destination}, to set as the local context. */
	static Locale of(DataFetchingEnvironment env, CountryCode destination) {
		return SupportedLocales.resolve(env.getLocale(), destination);
	}

	/** The language a field below a root field answers in. */
	static Locale in(DataFetchingEnvironment env) {
		Object context = env.getLocalContext();
		return (context instanceof Locale language) ? language : SupportedLocales.resolve(env.getLocale());
	}

}
