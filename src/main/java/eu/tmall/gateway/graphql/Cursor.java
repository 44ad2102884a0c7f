package eu.tmall.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Opaque connection cursors: the position of an edge in the merged search results.
 */
final class Cursor {

	private static final String PREFIX = "search:";

	/**
	 * How deep a search can be paged. Each page re-reads the merged results before it, so
	 * an unbounded cursor would let one request page through a marketplace's whole
	 * catalog.
	 */
	static final int MAX_DEPTH = 1_000;

	private Cursor() {
	}

	static String of(int position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
	}

	/** The offset of the edge after {@code after}, 0 without a cursor. */
	static int offsetAfter(@Nullable String after) {
		if (after == null) {
			return 0;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
			if (text.startsWith(PREFIX)) {
				int position = Integer.parseInt(text.substring(PREFIX.length()));
				if (position >= 0 && position < MAX_DEPTH) {
					return position + 1;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the error below: the cursor was not issued by this API
		}
		throw new InvalidArgumentException("after", "is not a cursor of this connection: pass an endCursor it returned"
				+ " (results are served to a depth of " + MAX_DEPTH + ")");
	}

}
