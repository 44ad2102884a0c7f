package eu.tmall.gateway.observability;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The summary lines go out in writes of many lines, in order, and none is kept back: a
 * full buffer, the timer, a flush and the end each write what is held. Every other line
 * goes to the console at once. A Logger context of its own, the console a byte array.
 */
class SummaryLogTests {

	private static final Duration NEVER = Duration.ofMinutes(1);

	private final LoggerContext context = new LoggerContext();

	private final ByteArrayOutputStream console = new ByteArrayOutputStream();

	private final Writes summaries = new Writes();

	private final Logger summaryLogger = this.context.getLogger(SummaryLog.LOGGER);

	@BeforeEach
	void start() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.context.start();
	}

	@AfterEach
	void stop() {
		this.context.stop();
	}

	@Test
	void shouldHoldTheSummaryLinesUntilFlushedThenWriteThemInOneWrite() {
		addAppenders("CONSOLE");
		SummaryLog log = new SummaryLog(this.context, NEVER, this.summaries);

		this.summaryLogger.info("graphql operation=A");
		this.summaryLogger.info("graphql operation=B");
		this.context.getLogger("eu.tmall.gateway.upstream").warn("AliExpress: UNAVAILABLE");

		assertThat(this.summaries.writes()).isEmpty();
		assertThat(console()).isEqualTo("WARN AliExpress: UNAVAILABLE\n");
		log.flush();
		assertThat(this.summaries.writes()).containsExactly("INFO graphql operation=A\nINFO graphql operation=B\n");
		log.flush();
		assertThat(this.summaries.writes()).hasSize(1);
	}

	@Test
	void shouldWriteAFullBufferWithoutWaiting() {
		addAppenders("CONSOLE");
		new SummaryLog(this.context, NEVER, this.summaries);
		String line = "graphql operation=" + "x".repeat(1000);

		for (int i = 0; i <= BufferedConsoleAppender.BUFFER_BYTES / line.length(); i++) {
			this.summaryLogger.info(line);
		}

		int fit = BufferedConsoleAppender.BUFFER_BYTES / ("INFO " + line + "\n").length();
		assertThat(this.summaries.writes()).singleElement()
			.satisfies(write -> assertThat(write.lines()).hasSize(fit).containsOnly("INFO " + line));
	}

	@Test
	void shouldWriteTheHeldLinesOnItsOwnWithinTheInterval() {
		addAppenders("CONSOLE");
		new SummaryLog(this.context, Duration.ofMillis(20), this.summaries);

		this.summaryLogger.info("graphql operation=A");

		await().atMost(Duration.ofSeconds(30)).until(() -> !this.summaries.writes().isEmpty());
		assertThat(this.summaries.writes()).containsExactly("INFO graphql operation=A\n");
	}

	@Test
	void shouldWriteTheHeldLinesAndEachLaterOneAtOnceWhenDestroyed() {
		addAppenders("CONSOLE");
		SummaryLog log = new SummaryLog(this.context, NEVER, this.summaries);
		this.summaryLogger.info("graphql operation=A");

		log.destroy();
		this.summaryLogger.info("graphql operation=B");

		assertThat(this.summaries.writes()).containsExactly("INFO graphql operation=A\n", "INFO graphql operation=B\n");
		assertThat(console()).isEmpty();
	}

	@Test
	void shouldGiveWayToALaterApplicationContextWithoutLosingALine() {
		addAppenders("CONSOLE");
		new SummaryLog(this.context, NEVER, this.summaries);
		this.summaryLogger.info("graphql operation=A");

		new SummaryLog(this.context, Duration.ZERO, this.summaries);
		this.summaryLogger.info("graphql operation=B");

		assertThat(this.summaries.writes()).containsExactly("INFO graphql operation=A\n");
		assertThat(console()).isEqualTo("INFO graphql operation=B\n");
		assertThat(this.summaryLogger.isAdditive()).isTrue();
	}

	@Test
	void shouldTakeOverFromAnEarlierApplicationContextsBuffer() {
		addAppenders("CONSOLE");
		new SummaryLog(this.context, NEVER, this.summaries);
		this.summaryLogger.info("graphql operation=A");
		Writes later = new Writes();

		SummaryLog log = new SummaryLog(this.context, NEVER, later);
		this.summaryLogger.info("graphql operation=B");

		assertThat(this.summaries.writes()).containsExactly("INFO graphql operation=A\n");
		assertThat(later.writes()).isEmpty();
		assertThat(this.summaryLogger.isAdditive()).isFalse();
		assertThat(this.summaryLogger.iteratorForAppenders()).toIterable().hasSize(1);
		log.flush();
		assertThat(later.writes()).containsExactly("INFO graphql operation=B\n");
		assertThat(console()).isEmpty();
	}

	@Test
	void shouldKeepTheConsolesFilters() {
		ConsoleAppender<ILoggingEvent> console = console("CONSOLE");
		ThresholdFilter warnings = new ThresholdFilter();
		warnings.setLevel("WARN");
		warnings.start();
		console.addFilter(warnings);
		startOnRoot(console);
		SummaryLog log = new SummaryLog(this.context, NEVER, this.summaries);

		this.summaryLogger.info("graphql operation=A");
		this.summaryLogger.warn("graphql operation=B");
		log.flush();

		assertThat(this.summaries.writes()).containsExactly("WARN graphql operation=B\n");
	}

	@Test
	void shouldLeaveALoggingConfigurationOfOnesOwnAlone() {
		addAppenders("CONSOLE", "FILE");
		new SummaryLog(this.context, NEVER, this.summaries);

		this.summaryLogger.info("graphql operation=A");

		assertThat(this.summaryLogger.iteratorForAppenders()).isExhausted();
		assertThat(console()).isEqualTo("INFO graphql operation=A\n".repeat(2));
	}

	@Test
	void shouldLeaveAConsoleOnStandardErrorAlone() {
		ConsoleAppender<ILoggingEvent> console = console("CONSOLE");
		console.setTarget("System.err");
		startOnRoot(console);
		new SummaryLog(this.context, NEVER, this.summaries);

		this.summaryLogger.info("graphql operation=A");

		assertThat(this.summaries.writes()).isEmpty();
		assertThat(console()).isEqualTo("INFO graphql operation=A\n");
	}

	@Test
	void shouldLeaveASummaryLoggerConfiguredOnItsOwnAlone() {
		addAppenders("CONSOLE");
		this.summaryLogger.setAdditive(false);
		new SummaryLog(this.context, NEVER, this.summaries);

		this.summaryLogger.info("graphql operation=A");

		assertThat(this.summaryLogger.iteratorForAppenders()).isExhausted();
		assertThat(this.summaries.writes()).isEmpty();
		assertThat(console()).isEmpty();
	}

	@Test
	void shouldWriteEachLineAtOnceWithAFlushIntervalOfZero() {
		addAppenders("CONSOLE");
		new SummaryLog(this.context, Duration.ZERO, this.summaries);

		this.summaryLogger.info("graphql operation=A");

		assertThat(this.summaries.writes()).isEmpty();
		assertThat(console()).isEqualTo("INFO graphql operation=A\n");
	}

	/**
	 * Root appenders of these names writing to the console's byte array: CONSOLE is
	 * Logback's console appender on standard output, as Spring Boot sets it up.
	 */
	private void addAppenders(String... names) {
		for (String name : names) {
			OutputStreamAppender<ILoggingEvent> appender = "CONSOLE".equals(name) ? console(name)
					: new OutputStreamAppender<>();
			appender.setName(name);
			startOnRoot(appender);
		}
	}

	private ConsoleAppender<ILoggingEvent> console(String name) {
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setName(name);
		return console;
	}

	private void startOnRoot(OutputStreamAppender<ILoggingEvent> appender) {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(this.context);
		encoder.setPattern("%level %msg%n");
		encoder.start();
		appender.setContext(this.context);
		appender.setEncoder(encoder);
		appender.setOutputStream(this.console);
		appender.start();
		// a console appender takes its target's stream as it starts
		appender.setOutputStream(this.console);
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
	}

	private String console() {
		return this.console.toString(StandardCharsets.UTF_8);
	}

	/** Each write that reaches it, whole. */
	private static final class Writes extends OutputStream {

		private final List<String> writes = new ArrayList<>();

		@Override
		public synchronized void write(int b) {
			this.writes.add(String.valueOf((char) b));
		}

		@Override
		public synchronized void write(byte[] bytes, int offset, int length) {
			this.writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
		}

		synchronized List<String> writes() {
			return List.copyOf(this.writes);
		}

	}

}
