package eu.tmall.gateway.upstream;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The two upstreams. An upstream without a base URL is served by the embedded upstreams.
 *
 * @param tmall Tmall Europe
 * @param aliexpress AliExpress
 */
@ConfigurationProperties("gateway.upstreams")
public record UpstreamsProperties(@DefaultValue Endpoint tmall, @DefaultValue Endpoint aliexpress) {

	public Endpoint of(Upstream upstream) {
		return (upstream == Upstream.TMALL_EUROPE) ? this.tmall : this.aliexpress;
	}

	/**
	 * One upstream.
	 *
	 * @param baseUrl the platform's base URL; unset to use the embedded upstream
	 * @param appKey the application key issued by the platform
	 * @param appSecret the application secret; set it from the environment only
	 * @param connectTimeout how long to wait for a connection
	 * @param timeout how long one attempt waits for its answer, to the last byte, from
	 * the moment its request is on the wire; past it, the attempt fails and its breaker
	 * counts it
	 * @param deadline the deadline of a whole call, retries and their backoff included
	 * @param retry how failed idempotent reads are tried again
	 * @param breaker when calls stop going to a failing upstream
	 * @param maxConcurrentCalls the most calls in flight to the upstream from this
	 * instance, across all requests
	 * @param maxResponseSize the largest answer body read; a larger one is a bad response
	 */
	public record Endpoint(@Nullable URI baseUrl, @Nullable String appKey, @Nullable String appSecret,
			@DefaultValue("1s") Duration connectTimeout, @DefaultValue("2s") Duration timeout,
			@DefaultValue("3s") Duration deadline, @DefaultValue Retry retry, @DefaultValue Breaker breaker,
			@DefaultValue("256") int maxConcurrentCalls, @DefaultValue("16MB") DataSize maxResponseSize) {

		@ConstructorBinding
		public Endpoint {
		}

		/** An endpoint with the default resilience whose deadline is its timeout. */
		public Endpoint(@Nullable URI baseUrl, @Nullable String appKey, @Nullable String appSecret,
				Duration connectTimeout, Duration timeout) {
			this(baseUrl, appKey, appSecret, connectTimeout, timeout, timeout, Retry.DEFAULTS, Breaker.DEFAULTS, 256,
					DataSize.ofMegabytes(16));
		}

		@Override
		public String toString() {
			return "Endpoint[baseUrl=" + this.baseUrl + ", appKey=" + this.appKey + ", appSecret=******]";
		}

	}

	/**
	 * Retries of idempotent reads, only for failures that another attempt may cure.
	 *
	 * @param maxAttempts attempts in all, the first included; 1 for no retry
	 * @param initialBackoff the wait before the first retry
	 * @param multiplier how much each later wait grows
	 * @param jitter the random share of each wait, 0 to 1, so instances do not retry in
	 * step
	 */
	public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("100ms") Duration initialBackoff,
			@DefaultValue("2") double multiplier, @DefaultValue("0.5") double jitter) {

		static final Retry DEFAULTS = new Retry(3, Duration.ofMillis(100), 2, 0.5);

	}

	/**
	 * The circuit breaker: it judges the upstream by the share of its calls that failed
	 * over the last seconds, not over the last calls, so that a burst of failures that
	 * all come at once (every call in flight when an upstream froze) weighs against the
	 * traffic around it instead of filling the window alone.
	 *
	 * @param failureRateThreshold the percentage of failed calls in the window that opens
	 * it
	 * @param window how many seconds back the failure rate is taken over
	 * @param minimumCalls how many calls the window needs before the rate counts
	 * @param waitInOpen how long it stays open before it lets trial calls through,
	 * traffic or not
	 * @param halfOpenCalls how many trial calls decide whether it closes again; the
	 * gateway makes them itself when no request does
	 */
	public record Breaker(@DefaultValue("50") float failureRateThreshold, @DefaultValue("10s") Duration window,
			@DefaultValue("20") int minimumCalls, @DefaultValue("5s") Duration waitInOpen,
			@DefaultValue("3") int halfOpenCalls) {

		static final Breaker DEFAULTS = new Breaker(50, Duration.ofSeconds(10), 20, Duration.ofSeconds(5), 3);

		public Breaker {
			if (window.toMillis() < 1000 || window.toMillis() % 1000 != 0) {
				throw new IllegalArgumentException(
						"gateway.upstreams.<upstream>.breaker.window must be whole seconds, at least 1s, was "
								+ window);
			}
			if (waitInOpen.toMillis() < 1) {
				throw new IllegalArgumentException(
						"gateway.upstreams.<upstream>.breaker.wait-in-open must be at least 1ms, was " + waitInOpen);
			}
			if (minimumCalls < 1 || halfOpenCalls < 1) {
				throw new IllegalArgumentException("gateway.upstreams.<upstream>.breaker.minimum-calls and "
						+ ".half-open-calls must be at least 1, were " + minimumCalls + " and " + halfOpenCalls);
			}
		}

		/** The window in whole seconds, as the breaker counts it. */
		int windowSeconds() {
			return (int) this.window.toSeconds();
		}

	}

}
