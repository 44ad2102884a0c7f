package eu.tmall.gateway.embedded;

import java.time.Duration;

/**
 * The fixed delay both embedded upstreams add to every response, and a freeze that holds
 * every response until it ends; tests change both while the servers run.
 */
final class ResponseLatency {

	private static final Duration MAX = Duration.ofMinutes(10);

	private volatile int millis;

	// System.nanoTime() when the freeze ends; in the past when there is none
	private volatile long frozenUntil = System.nanoTime();

	ResponseLatency(Duration latency) {
		set(latency);
	}

	void set(Duration latency) {
		this.millis = (int) requireValid(latency).toMillis();
	}

	/**
	 * Holds every response due before the freeze ends until it ends.
	 * @return when it ends, on {@link System#nanoTime()}'s scale
	 */
	long freeze(Duration freeze) {
		long until = System.nanoTime() + requireValid(freeze).toNanos();
		this.frozenUntil = until;
		return until;
	}

	/** The delay of a response written now: the latency, or more during a freeze. */
	int millis() {
		long frozen = Duration.ofNanos(this.frozenUntil - System.nanoTime()).toMillis();
		return (int) Math.max(this.millis, frozen);
	}

	static Duration requireValid(Duration latency) {
		if (latency.isNegative() || latency.compareTo(MAX) > 0) {
			throw new IllegalArgumentException("Latency must be between 0 and " + MAX + ", was " + latency);
		}
		return latency;
	}

}
