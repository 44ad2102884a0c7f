package eu.tmall.gateway.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one list of the languages the gateway answers in: the EU's 24 official languages,
 * every one of the 27 destinations' (Regulation No 1/1958 as amended). The shopper's
 * {@code Accept-Language} picks one; when it names none of them, the destination's own
 * language is the answer, not English.
 */
public final class SupportedLocales {

	/**
	 * The languages, language-only so that any regional variant a browser sends matches
	 * its language. Portuguese formats as Portugal's (see {@link #canonical}).
	 */
	public static final List<Locale> ALL = List
		.of("bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl",
				"pl", "pt", "ro", "sk", "sl", "sv")
		.stream()
		.map(Locale::forLanguageTag)
		.toList();

	// The most spoken official language of each destination. Belgium: Dutch, the first
	// language of about six in ten Belgians (Flanders and Dutch-speaking Brussels).
	// Luxembourg: French, the language of its legislation and the one nearly every
	// resident speaks (Luxembourgish is not among the EU's 24). Ireland: English, which
	// nearly everyone speaks daily, though Irish is the first official language. Malta:
	// Maltese, Finland: Finnish, Cyprus: Greek, each the majority's first language.
	private static final Map<String, String> DESTINATION_LANGUAGE = Map.ofEntries(Map.entry("AT", "de"),
			Map.entry("BE", "nl"), Map.entry("BG", "bg"), Map.entry("HR", "hr"), Map.entry("CY", "el"),
			Map.entry("CZ", "cs"), Map.entry("DK", "da"), Map.entry("EE", "et"), Map.entry("FI", "fi"),
			Map.entry("FR", "fr"), Map.entry("DE", "de"), Map.entry("GR", "el"), Map.entry("HU", "hu"),
			Map.entry("IE", "en"), Map.entry("IT", "it"), Map.entry("LV", "lv"), Map.entry("LT", "lt"),
			Map.entry("LU", "fr"), Map.entry("MT", "mt"), Map.entry("NL", "nl"), Map.entry("PL", "pl"),
			Map.entry("PT", "pt"), Map.entry("RO", "ro"), Map.entry("SK", "sk"), Map.entry("SI", "sl"),
			Map.entry("ES", "es"), Map.entry("SE", "sv"));

	// each language as it formats: the EU shopper's Portuguese is Portugal's ("Polónia",
	// "1226,47 €"), not Brazil's. Looked up on every label and amount, so made once.
	private static final Map<String, Locale> CANONICAL = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(Locale::getLanguage,
				language -> "pt".equals(language.getLanguage()) ? Locale.forLanguageTag("pt-PT") : language));

	static {
		Set<String> languages = new TreeSet<>(DESTINATION_LANGUAGE.values());
		if (!DESTINATION_LANGUAGE.keySet().equals(CountryCode.euCodes())
				|| !ALL.stream().map(Locale::getLanguage).toList().containsAll(languages)) {
			throw new IllegalStateException("every EU destination needs one of the supported languages");
		}
	}

	private SupportedLocales() {
	}

	/**
	 * The language to answer a shopper in {@code destination}: the requested one when the
	 * gateway speaks it, else the destination's.
	 */
	public static Locale resolve(Locale requested, CountryCode destination) {
		Locale supported = CANONICAL.get(requested.getLanguage());
		return (supported != null) ? supported : of(destination);
	}

	/**
	 * The supported language of a locale, e.g. German for de-AT; English when there is
	 * none and no destination is known.
	 */
	public static Locale resolve(Locale requested) {
		return CANONICAL.getOrDefault(requested.getLanguage(), Locale.ENGLISH);
	}

	/** The official language the gateway falls back to for shoppers in a destination. */
	public static Locale of(CountryCode destination) {
		return CANONICAL.get(DESTINATION_LANGUAGE.get(destination.value()));
	}

}
