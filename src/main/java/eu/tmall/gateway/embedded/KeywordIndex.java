package eu.tmall.gateway.embedded;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Keyword search over a fixed list: an item matches when every keyword occurs in its
 * searchable text, ignoring case and accents; matches keep the list's order.
 */
final class KeywordIndex<T> {

	private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{Alnum}]+");

	// a load test repeats a handful of queries; forgetting all beats unbounded growth
	private static final int MAX_CACHED_QUERIES = 4096;

	private final List<T> items;

	private final String[] texts;

	private final Map<String, List<T>> cache = new ConcurrentHashMap<>();

	KeywordIndex(List<T> items, Function<T, String> searchableText) {
		this.items = List.copyOf(items);
		this.texts = items.stream().map(searchableText).map(KeywordIndex::fold).toArray(String[]::new);
	}

	List<T> search(String keywords) {
		List<String> tokens = tokens(keywords);
		if (tokens.isEmpty()) {
			return List.of();
		}
		String key = String.join(" ", tokens);
		List<T> cached = this.cache.get(key);
		if (cached != null) {
			return cached;
		}
		if (this.cache.size() >= MAX_CACHED_QUERIES) {
			this.cache.clear();
		}
		List<T> matches = scan(tokens);
		this.cache.put(key, matches);
		return matches;
	}

	private List<T> scan(List<String> tokens) {
		List<T> matches = new ArrayList<>();
		for (int i = 0; i < this.texts.length; i++) {
			if (containsAll(this.texts[i], tokens)) {
				matches.add(this.items.get(i));
			}
		}
		return List.copyOf(matches);
	}

	private static boolean containsAll(String text, List<String> tokens) {
		for (String token : tokens) {
			if (!text.contains(token)) {
				return false;
			}
		}
		return true;
	}

	static List<String> tokens(String keywords) {
		return Arrays.stream(SEPARATORS.split(fold(keywords))).filter((token) -> !token.isEmpty()).toList();
	}

	/** Lower case without accents or apostrophes, so "delonghi" finds "De'Longhi". */
	static String fold(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		return DIACRITICS.matcher(decomposed).replaceAll("").replace("'", "").toLowerCase(Locale.ROOT);
	}

}
