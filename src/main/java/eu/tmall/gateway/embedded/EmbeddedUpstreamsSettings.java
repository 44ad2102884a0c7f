package eu.tmall.gateway.embedded;

import java.time.Duration;
import java.util.Objects;

/**
 * How to run the embedded upstreams.
 *
 * @param tmallPort the Tmall Europe port, {@code 0} for a random free port
 * @param aliExpressPort the AliExpress port, {@code 0} for a random free port
 * @param latency the fixed delay added to every response
 * @param verifySignatures whether calls must carry a known app key and a valid signature
 * @param tmall the Tmall Europe credentials
 * @param aliExpress the AliExpress credentials
 */
public record EmbeddedUpstreamsSettings(int tmallPort, int aliExpressPort, Duration latency, boolean verifySignatures,
		Credentials tmall, Credentials aliExpress, int journalEntries) {

	/**
	 * The journal that tests count requests in: the latest
	 * {@value #DEFAULT_JOURNAL_ENTRIES} requests.
	 */
	public static final int DEFAULT_JOURNAL_ENTRIES = 1000;

	public EmbeddedUpstreamsSettings(int tmallPort, int aliExpressPort, Duration latency, boolean verifySignatures,
			Credentials tmall, Credentials aliExpress) {
		this(tmallPort, aliExpressPort, latency, verifySignatures, tmall, aliExpress, DEFAULT_JOURNAL_ENTRIES);
	}

	public EmbeddedUpstreamsSettings {
		requirePort(tmallPort);
		requirePort(aliExpressPort);
		ResponseLatency.requireValid(Objects.requireNonNull(latency, "latency"));
		Objects.requireNonNull(tmall, "tmall");
		Objects.requireNonNull(aliExpress, "aliExpress");
		if (journalEntries < 0) {
			throw new IllegalArgumentException("journalEntries must be 0 (no journal) or more, was " + journalEntries);
		}
	}

	private static void requirePort(int port) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("Port must be between 0 and 65535, was " + port);
		}
	}

}
