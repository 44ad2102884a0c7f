package eu.tmall.gateway.delivery;

import java.util.List;
import java.util.Locale;

/**
 * The languages the gateway has message bundles for; anything else is answered in
 * English.
 */
public final class SupportedLocales {

	/**
	 * English first: the language of anything else. Portuguese is Portugal's, the EU
	 * shopper's, not Brazil's ("Polónia", not "Polônia").
	 */
	public static final List<Locale> ALL = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.FRENCH,
			Locale.GERMAN, Locale.ITALIAN, Locale.forLanguageTag("pl"), Locale.forLanguageTag("nl"),
			Locale.forLanguageTag("pt-PT"));

	private SupportedLocales() {
	}

	/**
	 * The supported language of a locale, e.g. "de" for de-AT; English if there is none.
	 */
	public static Locale resolve(Locale requested) {
		for (Locale supported : ALL) {
			if (supported.getLanguage().equals(requested.getLanguage())) {
				return supported;
			}
		}
		return Locale.ENGLISH;
	}

}
