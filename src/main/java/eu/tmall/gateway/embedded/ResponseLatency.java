package eu.tmall.gateway.embedded;

import java.time.Duration;

/**
 * The fixed delay both embedded upstreams add to every response; tests change it while
 * the servers run.
 */
final class ResponseLatency {

	private static final Duration MAX = Duration.ofMinutes(10);

	private volatile int millis;

	ResponseLatency(Duration latency) {
		set(latency);
	}

	void set(Duration latency) {
		this.millis = (int) requireValid(latency).toMillis();
	}

	int millis() {
		return this.millis;
	}

	static Duration requireValid(Duration latency) {
		if (latency.isNegative() || latency.compareTo(MAX) > 0) {
			throw new IllegalArgumentException("Latency must be between 0 and " + MAX + ", was " + latency);
		}
		return latency;
	}

}
