package eu.tmall.gateway.server;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import com.sun.management.UnixOperatingSystemMXBean;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A connection limit that could not work is refused at start, with the setting to fix.
 */
class ConnectionPropertiesTests {

	private static final ConnectionProperties DEFAULTS = new ConnectionProperties(Duration.ofSeconds(75),
			Duration.ofSeconds(10), Duration.ofSeconds(30), 768, Duration.ofSeconds(10));

	@Test
	void shouldRefuseATimeoutThatIsNotPositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConnectionProperties(Duration.ofSeconds(75), Duration.ZERO, Duration.ofSeconds(30),
					768, Duration.ofSeconds(10)))
			.withMessage("gateway.server.connections.header-timeout must be a positive duration, e.g. 10s");
	}

	@Test
	void shouldRefuseACapBelowOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConnectionProperties(Duration.ofSeconds(75), Duration.ofSeconds(10),
					Duration.ofSeconds(30), 0, Duration.ofSeconds(10)))
			.withMessage("gateway.server.connections.max-connections must be at least 1");
	}

	@Test
	void shouldRefuseACapTheFileLimitCannotHold() {
		long limit = ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getMaxFileDescriptorCount();
		int tooMany = (int) Math.min(Integer.MAX_VALUE - FileLimit.RESERVED, limit - FileLimit.RESERVED + 1);

		assertThatIllegalStateException().isThrownBy(() -> FileLimit.requireRoomFor(tooMany))
			.withMessageContaining("gateway.server.connections.max-connections=" + tooMany)
			.withMessageContaining("this process may open " + limit);
		assertThatNoException().isThrownBy(() -> FileLimit.requireRoomFor(tooMany - 1));
	}

	@Test
	void shouldRefuseHttp2WhoseStreamsTheDeadlinesDoNotSee() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ConnectionLimits limits = new ConnectionLimits(DEFAULTS, new ClosedConnections(registry, DEFAULTS), registry);

		assertThatIllegalStateException()
			.isThrownBy(() -> limits.apply(HttpServer.create().protocol(HttpProtocol.HTTP11, HttpProtocol.H2C)))
			.withMessageContaining("leave server.http2.enabled off");
		assertThatNoException().isThrownBy(() -> limits.apply(HttpServer.create()));
	}

}
