package eu.tmall.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long an upstream asked to be left alone: {@code Retry-After} as seconds or as an
 * HTTP date (RFC 9110), and the ban a platform's rate-limit message names.
 */
class RetryAfterTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void shouldReadRetryAfterInSeconds() {
		assertThat(RetryAfter.fromHeaders(headers("Retry-After", "30"), CLOCK)).isEqualTo(Duration.ofSeconds(30));
		assertThat(RetryAfter.fromHeaders(headers("Retry-After", " 0 "), CLOCK)).isEqualTo(Duration.ZERO);
	}

	@Test
	void shouldCountAnHttpDateFromTheAnswersOwnDate() {
		HttpHeaders headers = headers("Retry-After", "Wed, 21 Oct 2015 07:28:30 GMT");
		headers.set(HttpHeaders.DATE, "Wed, 21 Oct 2015 07:28:00 GMT");

		assertThat(RetryAfter.fromHeaders(headers, CLOCK)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void shouldCountAnHttpDateFromTheClockWhenTheAnswerHasNoDate() {
		assertThat(RetryAfter.fromHeaders(headers("Retry-After", "Fri, 27 Nov 2026 10:00:45 GMT"), CLOCK))
			.isEqualTo(Duration.ofSeconds(45));
		assertThat(RetryAfter.fromHeaders(headers("Retry-After", "Fri, 27 Nov 2026 09:59:00 GMT"), CLOCK))
			.as("a date gone by")
			.isEqualTo(Duration.ZERO);
	}

	@Test
	void shouldIgnoreWhatIsNeitherSecondsNorADate() {
		assertThat(RetryAfter.fromHeaders(new HttpHeaders(), CLOCK)).isNull();
		assertThat(RetryAfter.fromHeaders(headers("Retry-After", "soon"), CLOCK)).isNull();
		assertThat(RetryAfter.fromHeaders(headers("Retry-After", "-5"), CLOCK)).isNull();
		assertThat(RetryAfter.fromHeaders(headers("Retry-After", "99999999999999999999"), CLOCK)).isNull();
	}

	@Test
	void shouldReadTheBanARateLimitMessageNames() {
		assertThat(RetryAfter.fromMessage("Api access frequency exceeds the limit. this ban will last 1 seconds"))
			.isEqualTo(Duration.ofSeconds(1));
		assertThat(RetryAfter.fromMessage("This ban will last 60 seconds.")).isEqualTo(Duration.ofSeconds(60));
		assertThat(RetryAfter.fromMessage("call limit")).isNull();
	}

	private static HttpHeaders headers(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(name, value);
		return headers;
	}

}
