package eu.tmall.gateway.server;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on the public port's connections, each one closing a connection when it fires.
 *
 * @param idleTimeout how long a connection may stay open with no request in progress:
 * longer than the 60 s that common balancers and proxies keep an idle upstream
 * connection, so they close first and never reuse one the gateway is closing (nginx's own
 * default)
 * @param headerTimeout how long a request's headers may take, from its first byte
 * @param bodyTimeout how long a request's body may take, from the end of its headers
 * @param maxConnections the most connections open at once; beyond, a new one is closed at
 * once. The default fits a container's default limit of 1,024 open files with the
 * {@value FileLimit#RESERVED} the gateway keeps for itself
 * @param logInterval the least time between two log lines of one reason for closing
 */
@ConfigurationProperties("gateway.server.connections")
public record ConnectionProperties(@DefaultValue("75s") Duration idleTimeout,
		@DefaultValue("10s") Duration headerTimeout, @DefaultValue("30s") Duration bodyTimeout,
		@DefaultValue("768") int maxConnections, @DefaultValue("10s") Duration logInterval) {

	public ConnectionProperties {
		requirePositive("idle-timeout", idleTimeout);
		requirePositive("header-timeout", headerTimeout);
		requirePositive("body-timeout", bodyTimeout);
		requirePositive("log-interval", logInterval);
		if (maxConnections < 1) {
			throw new IllegalArgumentException("gateway.server.connections.max-connections must be at least 1");
		}
	}

	private static void requirePositive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(
					"gateway.server.connections.%s must be a positive duration, e.g. 10s".formatted(name));
		}
	}

}
