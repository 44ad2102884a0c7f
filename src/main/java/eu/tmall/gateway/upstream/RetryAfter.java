package eu.tmall.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpHeaders;

/**
 * When an upstream asked to be called again, and what the retries make of it: no retry
 * sooner, and none at all when that is past the call's deadline, so the call fails at
 * once instead of waiting for an answer it could not use.
 * <p>
 * An upstream says it in a {@code Retry-After} header (RFC 9110: seconds, or an HTTP
 * date) or, for the platforms' call-rate limit, in the error message ("this ban will last
 * 1 seconds").
 */
public final class RetryAfter {

	// nine digits are 31 years: anything longer is as good as never, and stays clear of
	// overflowing the milliseconds the retry counts in
	private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");

	private static final Pattern BAN = Pattern.compile("ban will last (\\d{1,9}) seconds?", Pattern.CASE_INSENSITIVE);

	private RetryAfter() {
	}

	/**
	 * The ban a platform's rate-limit message announces, e.g. "Api access frequency
	 * exceeds the limit. this ban will last 1 seconds"; {@code null} if it names none.
	 */
	public static @Nullable Duration fromMessage(String message) {
		Matcher ban = BAN.matcher(message);
		return ban.find() ? Duration.ofSeconds(Long.parseLong(ban.group(1))) : null;
	}

	/**
	 * The answer's {@code Retry-After}; {@code null} if it has none or one that is
	 * neither seconds nor a date. A date counts from the answer's own {@code Date}, so
	 * the two machines' clocks need not agree, or from the given clock if the answer has
	 * none.
	 */
	static @Nullable Duration fromHeaders(HttpHeaders headers, Clock clock) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null) {
			return null;
		}
		if (SECONDS.matcher(value.trim()).matches()) {
			return Duration.ofSeconds(Long.parseLong(value.trim()));
		}
		try {
			Instant at = headers.getFirstZonedDateTime(HttpHeaders.RETRY_AFTER).toInstant();
			Duration wait = Duration.between(sentAt(headers, clock), at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The backoff, but never sooner than the failed answer asked. */
	static IntervalBiFunction<Object> atLeastAsked(IntervalFunction backoff) {
		return (attempt, outcome) -> {
			long wait = backoff.apply(attempt);
			Duration asked = (outcome.isLeft() && outcome.getLeft() instanceof UpstreamException failure)
					? failure.retryAfter() : null;
			return (asked != null) ? Math.max(wait, asked.toMillis()) : wait;
		};
	}

	/**
	 * The attempts with the retry over them; a failure whose upstream asked to wait past
	 * the deadline (counted from the first attempt) is not retried but ends the call at
	 * once. The attempts are resubscribed for each retry.
	 */
	static <T> Mono<T> retried(Mono<T> attempts, Retry retry, Duration deadline) {
		return Mono.defer(() -> {
			long started = now();
			return attempts.onErrorMap(UpstreamException.class, ex -> pastDeadline(ex, started, deadline))
				.transformDeferred(RetryOperator.of(retry));
		});
	}

	private static UpstreamException pastDeadline(UpstreamException failure, long started, Duration deadline) {
		Duration asked = failure.retryAfter();
		if (!failure.retryable() || asked == null) {
			return failure;
		}
		Duration left = deadline.minusMillis(now() - started);
		if (asked.compareTo(left) < 0) {
			return failure;
		}
		return failure.notRetried("; it asked to be called again in %s, after this call's deadline of %s"
			.formatted(describe(asked), describe(deadline)));
	}

	private static Instant sentAt(HttpHeaders headers, Clock clock) {
		try {
			long date = headers.getDate();
			return (date >= 0) ? Instant.ofEpochMilli(date) : clock.instant();
		}
		catch (IllegalArgumentException ex) {
			return clock.instant();
		}
	}

	// the scheduler's clock, which the retry's and the deadline's timers run on (and
	// Reactor's virtual time replaces in tests)
	private static long now() {
		return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
	}

	static String describe(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

}
