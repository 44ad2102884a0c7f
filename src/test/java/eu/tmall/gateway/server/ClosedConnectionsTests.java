package eu.tmall.gateway.server;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every close is counted, and the log gets at most one line per reason an interval, so an
 * attack by the thousand connections writes a handful of lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClosedConnectionsTests {

	private static final ConnectionProperties PROPERTIES = new ConnectionProperties(Duration.ofSeconds(75),
			Duration.ofSeconds(10), Duration.ofMillis(1500), 768, Duration.ofSeconds(10));

	/** A line's level and message, in Boot's format or Logback's own (without Boot). */
	private static final Pattern LINE = Pattern.compile("\\b(INFO|WARN)\\b.*?(connections closed .*)$");

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ClosedConnections closed = new ClosedConnections(this.registry, PROPERTIES, this.time);

	@AfterEach
	void stopTime() {
		this.time.dispose();
	}

	@Test
	void shouldLogTheFirstCloseAtOnceAndTheNextOnesInOneLineAfterTheInterval(CapturedOutput output) {
		this.closed.record(CloseReason.HEADER_TIMEOUT);
		assertThat(lines(output, "reason=header-timeout")).containsExactly(
				"WARN connections closed reason=header-timeout count=1 limit=gateway.server.connections.header-timeout=10s");

		for (int i = 0; i < 999; i++) {
			this.closed.record(CloseReason.HEADER_TIMEOUT);
		}
		this.time.advanceTimeBy(Duration.ofSeconds(9));
		assertThat(lines(output, "reason=header-timeout")).hasSize(1);

		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(lines(output, "reason=header-timeout")).last()
			.isEqualTo("WARN connections closed reason=header-timeout count=999 "
					+ "limit=gateway.server.connections.header-timeout=10s");
		assertThat(counted("header-timeout")).isEqualTo(1000);
	}

	@Test
	void shouldLogAgainAtOnceAfterAQuietInterval(CapturedOutput output) {
		this.closed.record(CloseReason.BODY_TIMEOUT);
		this.time.advanceTimeBy(Duration.ofSeconds(10));
		this.closed.record(CloseReason.BODY_TIMEOUT);

		assertThat(lines(output, "reason=body-timeout")).containsExactly(
				"WARN connections closed reason=body-timeout count=1 limit=gateway.server.connections.body-timeout=1500ms",
				"WARN connections closed reason=body-timeout count=1 limit=gateway.server.connections.body-timeout=1500ms");
	}

	@Test
	void shouldKeepEachReasonToItsOwnLinesAndIdleClosesAtInfo(CapturedOutput output) {
		this.closed.record(CloseReason.OVER_CAPACITY);
		this.closed.record(CloseReason.IDLE);
		this.closed.record(CloseReason.IDLE);
		this.time.advanceTimeBy(Duration.ofSeconds(10));

		assertThat(lines(output, "reason=over-capacity")).containsExactly(
				"WARN connections closed reason=over-capacity count=1 limit=gateway.server.connections.max-connections=768");
		assertThat(lines(output, "reason=idle")).containsExactly(
				"INFO connections closed reason=idle count=1 limit=gateway.server.connections.idle-timeout=75s",
				"INFO connections closed reason=idle count=1 limit=gateway.server.connections.idle-timeout=75s");
		assertThat(counted("idle")).isEqualTo(2);
		assertThat(counted("body-timeout")).isZero();
		assertThat(output).doesNotContain("\tat ");
	}

	private double counted(String reason) {
		return this.registry.get(ClosedConnections.CLOSED).tag("reason", reason).counter().count();
	}

	/** The lines of one reason, each as its level and message. */
	private static List<String> lines(CapturedOutput output, String reason) {
		return output.getOut()
			.lines()
			.filter(line -> line.contains(reason))
			.map(LINE::matcher)
			.filter(Matcher::find)
			.map(line -> line.group(1) + " " + line.group(2))
			.toList();
	}

}
