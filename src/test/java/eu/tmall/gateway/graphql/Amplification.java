package eu.tmall.gateway.graphql;

import java.util.List;

/**
 * The query that made one request cost hundreds of upstream calls: thirty aliased
 * searches of one result each, all after a deep cursor given as {@code $after}. Each
 * alias asks something else (a query word and a destination), so no two share a cached
 * page.
 */
final class Amplification {

	static final int ALIASES = 30;

	/** The deepest cursor {@code gateway.limits.max-search-depth} lets through. */
	static final String DEEPEST_CURSOR = Cursor.of(499);

	private static final List<String> WORDS = List.of("e", "a");

	private static final List<String> COUNTRIES = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
			"DE", "GR", "HU", "IE", "IT");

	private Amplification() {
	}

	/** Thirty different searches. */
	static String document() {
		StringBuilder document = new StringBuilder("query Amplification($after: String) {\n");
		for (int i = 0; i < ALIASES; i++) {
			document.append(alias(i, WORDS.get(i % WORDS.size()), COUNTRIES.get(i / WORDS.size())));
		}
		return document.append("}").toString();
	}

	/** Thirty times the same search, whose pages they share. */
	static String sameSearchDocument() {
		StringBuilder document = new StringBuilder("query Amplification($after: String) {\n");
		for (int i = 0; i < ALIASES; i++) {
			document.append(alias(i, "e", "DE"));
		}
		return document.append("}").toString();
	}

	private static String alias(int index, String word, String country) {
		return "  s%d: search(query: \"%s\", shipTo: \"%s\", first: 1, after: $after) { totalCount edges { node { gtin } } }\n"
			.formatted(index, word, country);
	}

}
