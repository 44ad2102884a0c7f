package eu.tmall.gateway.delivery;

import java.util.Locale;
import java.util.Set;

/**
 * The languages the gateway has message bundles for; anything else is answered in
 * English.
 */
final class SupportedLocales {

	private static final Set<String> LANGUAGES = Set.of("en");

	private SupportedLocales() {
	}

	static Locale resolve(Locale requested) {
		return LANGUAGES.contains(requested.getLanguage()) ? Locale.forLanguageTag(requested.getLanguage())
				: Locale.ENGLISH;
	}

}
