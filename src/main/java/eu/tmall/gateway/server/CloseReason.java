package eu.tmall.gateway.server;

import org.slf4j.event.Level;

/**
 * Why the gateway closed a connection: the {@code reason} tag of
 * {@value ClosedConnections#CLOSED}, and the level its log lines are written at.
 */
enum CloseReason {

	/** Routine: clients and balancers leave keep-alive connections idle. */
	IDLE("idle", Level.INFO),

	HEADER_TIMEOUT("header-timeout", Level.WARN),

	BODY_TIMEOUT("body-timeout", Level.WARN),

	OVER_CAPACITY("over-capacity", Level.WARN);

	private final String tag;

	private final Level level;

	CloseReason(String tag, Level level) {
		this.tag = tag;
		this.level = level;
	}

	String tag() {
		return this.tag;
	}

	Level level() {
		return this.level;
	}

}
