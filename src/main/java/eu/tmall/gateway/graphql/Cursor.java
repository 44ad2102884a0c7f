package eu.tmall.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Opaque connection cursors: the position of an edge in the merged search results. Every
 * reading of a cursor is here: the search's, which refuses what it cannot serve, and the
 * query cost's, which must never throw.
 */
final class Cursor {

	private static final String PREFIX = "search:";

	private static final int NOT_A_CURSOR = -1;

	private Cursor() {
	}

	static String of(int position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The offset of the edge after {@code after}, 0 without a cursor. Each page re-reads
	 * the merged results before it, so a cursor deeper than {@code maxDepth}
	 * ({@code gateway.limits.max-search-depth}) is refused: it would let one request page
	 * through a marketplace's whole catalog.
	 */
	static int offsetAfter(@Nullable String after, int maxDepth) {
		if (after == null) {
			return 0;
		}
		int position = position(after);
		if (position == NOT_A_CURSOR) {
			throw new InvalidArgumentException("after",
					"is not a cursor of this connection: pass an endCursor it returned");
		}
		if (position >= maxDepth) {
			throw new InvalidArgumentException("after",
					("points at result %d, deeper than "
							+ "gateway.limits.max-search-depth (%d): narrow the search instead of paging further")
						.formatted(position + 1, maxDepth));
		}
		return position + 1;
	}

	/**
	 * The offset a search with this {@code after} argument starts at, as
	 * {@link #offsetAfter} would answer; 0 for anything it refuses, since a refused
	 * search reads nothing.
	 */
	static int servedOffset(@Nullable Object after, int maxDepth) {
		if (!(after instanceof String text)) {
			return 0;
		}
		int position = position(text);
		return (position != NOT_A_CURSOR && position < maxDepth) ? position + 1 : 0;
	}

	private static int position(String after) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
			if (text.startsWith(PREFIX)) {
				int position = Integer.parseInt(text.substring(PREFIX.length()));
				return (position >= 0) ? position : NOT_A_CURSOR;
			}
		}
		catch (IllegalArgumentException ex) {
			// not issued by this API
		}
		return NOT_A_CURSOR;
	}

}
