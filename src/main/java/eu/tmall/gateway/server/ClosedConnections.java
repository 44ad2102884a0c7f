package eu.tmall.gateway.server;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts the connections the gateway closes, by reason, and logs them without flooding
 * the log under attack: at most one line per reason every
 * {@code gateway.server.connections.log-interval}, with the count since the previous
 * line, and never a stack trace. The first close after a quiet interval is logged at
 * once.
 */
@Component
class ClosedConnections {

	/** {@code gateway_connections_closed_total{reason=…}} in Prometheus. */
	static final String CLOSED = "gateway.connections.closed";

	private static final Logger logger = LoggerFactory.getLogger("eu.tmall.gateway.connections");

	private final Map<CloseReason, Tally> tallies = new EnumMap<>(CloseReason.class);

	private final ConnectionProperties properties;

	private final Scheduler scheduler;

	@Autowired
	ClosedConnections(MeterRegistry registry, ConnectionProperties properties) {
		this(registry, properties, Schedulers.parallel());
	}

	ClosedConnections(MeterRegistry registry, ConnectionProperties properties, Scheduler scheduler) {
		this.properties = properties;
		this.scheduler = scheduler;
		for (CloseReason reason : CloseReason.values()) {
			Counter counter = Counter.builder(CLOSED)
				.description("Connections the gateway closed, by the limit that closed them")
				.tag("reason", reason.tag())
				.register(registry);
			this.tallies.put(reason, new Tally(reason, counter));
		}
	}

	void record(CloseReason reason) {
		this.tallies.get(reason).closed();
	}

	private static String seconds(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

	/** One reason's counter, and its closes not logged yet. */
	private final class Tally {

		private final CloseReason reason;

		private final Counter counter;

		private final AtomicLong unlogged = new AtomicLong();

		private final AtomicBoolean lineDue = new AtomicBoolean();

		/** Scheduler time in milliseconds before which no line may be written. */
		private volatile long quietUntil;

		Tally(CloseReason reason, Counter counter) {
			this.reason = reason;
			this.counter = counter;
		}

		void closed() {
			this.counter.increment();
			this.unlogged.incrementAndGet();
			if (!this.lineDue.compareAndSet(false, true)) {
				return;
			}
			long wait = this.quietUntil - ClosedConnections.this.scheduler.now(TimeUnit.MILLISECONDS);
			if (wait <= 0) {
				writeLine();
				return;
			}
			ClosedConnections.this.scheduler.schedule(this::writeLine, wait, TimeUnit.MILLISECONDS);
		}

		private void writeLine() {
			Duration interval = ClosedConnections.this.properties.logInterval();
			this.quietUntil = ClosedConnections.this.scheduler.now(TimeUnit.MILLISECONDS) + interval.toMillis();
			this.lineDue.set(false);
			long count = this.unlogged.getAndSet(0);
			if (count == 0) {
				return;
			}
			logger.atLevel(this.reason.level())
				.log("connections closed reason={} count={} limit={}", this.reason.tag(), count, setting(this.reason));
		}

		private String setting(CloseReason reason) {
			ConnectionProperties properties = ClosedConnections.this.properties;
			return switch (reason) {
				case IDLE -> "gateway.server.connections.idle-timeout=" + seconds(properties.idleTimeout());
				case HEADER_TIMEOUT ->
					"gateway.server.connections.header-timeout=" + seconds(properties.headerTimeout());
				case BODY_TIMEOUT -> "gateway.server.connections.body-timeout=" + seconds(properties.bodyTimeout());
				case OVER_CAPACITY -> "gateway.server.connections.max-connections=" + properties.maxConnections();
			};
		}

	}

}
