package eu.tmall.gateway.graphql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A cursor names a position in the merged results; the search serves positions up to
 * {@code gateway.limits.max-search-depth} and refuses the rest with a message naming the
 * argument and the setting.
 */
class CursorTests {

	@Test
	void shouldServeTheEdgeAfterTheCursorUpToTheMaxSearchDepth() {
		assertThat(Cursor.offsetAfter(null, 500)).isZero();
		assertThat(Cursor.offsetAfter(Cursor.of(0), 500)).isEqualTo(1);
		assertThat(Cursor.offsetAfter(Cursor.of(499), 500)).isEqualTo(500);
	}

	@Test
	void shouldRefuseACursorPastTheMaxSearchDepthNamingTheSetting() {
		assertThatExceptionOfType(InvalidArgumentException.class)
			.isThrownBy(() -> Cursor.offsetAfter(Cursor.of(500), 500))
			.withMessage("argument 'after' points at result 501, deeper than gateway.limits.max-search-depth (500):"
					+ " narrow the search instead of paging further");
	}

	@Test
	void shouldRefuseACursorThisApiDidNotIssue() {
		for (String forged : new String[] { "bm9wZQ", "%%%", "c2VhcmNoOng", "c2VhcmNoOi0x" }) {
			assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> Cursor.offsetAfter(forged, 500))
				.withMessageContaining("is not a cursor of this connection");
		}
	}

	@Test
	void shouldReadAServedOffsetOfAnythingWithoutThrowing() {
		assertThat(Cursor.servedOffset(Cursor.of(41), 500)).isEqualTo(42);
		assertThat(Cursor.servedOffset(Cursor.of(500), 500)).isZero();
		assertThat(Cursor.servedOffset("%%%", 500)).isZero();
		assertThat(Cursor.servedOffset(42, 500)).isZero();
		assertThat(Cursor.servedOffset(null, 500)).isZero();
	}

}
