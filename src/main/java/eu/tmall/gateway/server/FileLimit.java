package eu.tmall.gateway.server;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

import com.sun.management.UnixOperatingSystemMXBean;

/**
 * Whether this process may open enough files for the connection cap: a cap the file limit
 * cannot hold would let idle connections use up every file before it closes any, and the
 * gateway would stop answering anyone.
 */
final class FileLimit {

	/**
	 * Files the gateway keeps for itself beside its connections: about 50 at rest (jar,
	 * event loops, logs), the upstream connection pools (16 per upstream) and, when
	 * embedded, the upstreams' own ends of them, with room to spare.
	 */
	static final int RESERVED = 256;

	private FileLimit() {
	}

	/**
	 * Refuses a connection cap the process's file limit cannot hold; where the JVM does
	 * not say its limit (not a Unix), it cannot be checked.
	 */
	static void requireRoomFor(int maxConnections) {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		if (!(os instanceof UnixOperatingSystemMXBean unix)) {
			return;
		}
		long limit = unix.getMaxFileDescriptorCount();
		if (maxConnections + RESERVED > limit) {
			throw new IllegalStateException(("gateway.server.connections.max-connections=%d needs %d open files, "
					+ "with the %d the gateway keeps for itself, but this process may open %d: lower it, or raise "
					+ "the hard limit (ulimit -Hn; the JVM raises its soft limit to it)")
				.formatted(maxConnections, maxConnections + RESERVED, RESERVED, limit));
		}
	}

}
