package eu.tmall.gateway.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.management.UnixOperatingSystemMXBean;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The attacks on connections, against the whole gateway with short limits: idle
 * connections by the thousand, headers sent a byte at a time, a chunked body that never
 * ends, and more connections than the cap. A fresh client is still answered, each attack
 * is closed by its own limit, and each close is counted under its reason. The idle
 * timeout is long enough for the 2,000 to be held still when the fresh client asks, on a
 * busy machine: opening them, their acceptance and the answer took 3.8 s with three CPU
 * hogs on two cores. The answer is timed from its own connection, opened after them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.embedded.latency=0ms", "gateway.server.connections.idle-timeout=10s",
				"gateway.server.connections.header-timeout=2s", "gateway.server.connections.body-timeout=2s",
				"gateway.server.connections.max-connections=" + ConnectionLimitsTests.MAX_CONNECTIONS,
				"gateway.server.connections.log-interval=1h" })
@ExtendWith(OutputCaptureExtension.class)
class ConnectionLimitsTests {

	static final int MAX_CONNECTIONS = 2100;

	private static final int IDLE_CONNECTIONS = 2000;

	/** The figure for a fresh client's answer while the attack goes on. */
	private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(1);

	/**
	 * Far longer than any limit here: a close must come by then, however busy the
	 * machine.
	 */
	private static final Duration GENEROUS = Duration.ofSeconds(30);

	/**
	 * Much sooner than the idle timeout, so only the headers' own deadline can close it.
	 */
	private static final long BYTE_EVERY_MS = 200;

	private static final String TYPENAME = "{\"query\":\"{ __typename }\"}";

	@Autowired
	private MeterRegistry registry;

	@LocalServerPort
	private int port;

	private final List<RawConnection> connections = new ArrayList<>();

	private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

	/**
	 * Each connection here takes two files in this JVM, the client's end and the
	 * gateway's: the cap's worth of them needs more than the 1,024 many systems allow by
	 * default.
	 */
	@BeforeAll
	static void requireEnoughOpenFiles() {
		UnixOperatingSystemMXBean os = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long free = os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount();
		long needed = 2L * MAX_CONNECTIONS + 1000;
		assertThat(free)
			.as("these tests hold %d connections, two files each in one JVM, so they need %d free files but the "
					+ "process may open only %d more: raise `ulimit -n` (the JVM raises its soft limit to the hard "
					+ "one; .ci/run raises both as far as it may)", MAX_CONNECTIONS, needed, free)
			.isGreaterThanOrEqualTo(needed);
	}

	@BeforeEach
	void warmUp() throws IOException {
		assertThat(RawConnection.exchange(this.port, TYPENAME)).startsWith("HTTP/1.1 200");
	}

	@AfterEach
	void closeAll() throws IOException {
		this.trickle.shutdownNow();
		for (RawConnection connection : this.connections) {
			connection.close();
		}
		await().atMost(GENEROUS).until(() -> open() == 0);
	}

	@Test
	void shouldAnswerAFreshClientWithinASecondWhileThousandsOfIdleConnectionsAndASlowHeaderAreHeld(
			CapturedOutput output) throws IOException {
		double idleBefore = closed("idle");
		double headerBefore = closed("header-timeout");
		List<RawConnection> idle = open(IDLE_CONNECTIONS);
		RawConnection slowHeaders = open(1).get(0);
		slowHeaders.send("POST /graphql HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
		trickleOneByteAtATime(slowHeaders, "a");
		await().atMost(GENEROUS).until(() -> open() >= IDLE_CONNECTIONS + 1);

		long start = System.nanoTime();
		String answer = RawConnection.exchange(this.port, TYPENAME);
		Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);

		assertThat(answer).startsWith("HTTP/1.1 200").contains("{\"data\":{\"__typename\":\"Query\"}}");
		assertThat(answeredIn).isLessThan(ANSWERED_WITHIN);
		assertThat(open()).as("the idle connections are still held").isGreaterThanOrEqualTo(IDLE_CONNECTIONS + 1);

		Instant bound = Instant.now().plus(GENEROUS);
		assertThat(slowHeaders.closedBy(bound)).as("the slow headers closed by their deadline").isTrue();
		assertThat(closed("header-timeout") - headerBefore).isEqualTo(1);
		for (RawConnection connection : idle) {
			assertThat(connection.closedBy(bound)).as("an idle connection closed by the idle timeout").isTrue();
		}
		await().atMost(GENEROUS).until(() -> closed("idle") - idleBefore >= IDLE_CONNECTIONS);
		assertThat(output)
			.contains("connections closed reason=header-timeout count=1 "
					+ "limit=gateway.server.connections.header-timeout=2s")
			// two idle closes at the same moment may share the first line
			.containsPattern(
					"connections closed reason=idle count=\\d+ limit=gateway\\.server\\.connections\\.idle-timeout=10s")
			.doesNotContain("\tat ")
			.doesNotContain("Decoding failed");
	}

	@Test
	void shouldCloseAChunkedBodyThatNeverEndsAtTheBodyDeadline(CapturedOutput output) throws IOException {
		double before = closed("body-timeout");
		RawConnection endless = open(1).get(0);
		endless.send("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n");
		trickleOneByteAtATime(endless, "1\r\n \r\n");

		assertThat(endless.closedBy(Instant.now().plus(GENEROUS))).isTrue();
		assertThat(closed("body-timeout") - before).isEqualTo(1);
		assertThat(output)
			.contains("connections closed reason=body-timeout count=1 "
					+ "limit=gateway.server.connections.body-timeout=2s")
			.doesNotContain("\tat ");
	}

	@Test
	void shouldCloseAConnectionOverTheCapAtOnceAndAcceptOneAgainWhenOthersClose(CapturedOutput output)
			throws IOException {
		double before = closed("over-capacity");
		await().atMost(GENEROUS).until(() -> open() == 0);
		List<RawConnection> held = open(MAX_CONNECTIONS);
		await().atMost(GENEROUS).until(() -> open() == MAX_CONNECTIONS);

		RawConnection over = open(1).get(0);
		assertThat(over.closedBy(Instant.now().plus(GENEROUS))).isTrue();
		assertThat(closed("over-capacity") - before).isEqualTo(1);
		assertThat(open()).as("the connections within the cap are still held").isEqualTo(MAX_CONNECTIONS);

		held.get(0).close();
		await().atMost(GENEROUS).until(() -> open() < MAX_CONNECTIONS);
		assertThat(RawConnection.exchange(this.port, TYPENAME)).startsWith("HTTP/1.1 200");
		assertThat(closed("over-capacity") - before).isEqualTo(1);
		assertThat(output).contains("connections closed reason=over-capacity count=1 "
				+ "limit=gateway.server.connections.max-connections=" + MAX_CONNECTIONS);
	}

	private List<RawConnection> open(int count) throws IOException {
		List<RawConnection> opened = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			RawConnection connection = RawConnection.open(this.port);
			this.connections.add(connection);
			opened.add(connection);
		}
		return opened;
	}

	/** Sends {@code text} again and again, until the gateway closes the connection. */
	private void trickleOneByteAtATime(RawConnection connection, String text) {
		this.trickle.scheduleAtFixedRate(() -> {
			try {
				connection.send(text);
			}
			catch (IOException ex) {
				throw new IllegalStateException("closed", ex);
			}
		}, BYTE_EVERY_MS, BYTE_EVERY_MS, TimeUnit.MILLISECONDS);
	}

	private int open() {
		return (int) this.registry.get(ConnectionLimits.OPEN).gauge().value();
	}

	private double closed(String reason) {
		return this.registry.get(ClosedConnections.CLOSED).tag("reason", reason).counter().count();
	}

}
