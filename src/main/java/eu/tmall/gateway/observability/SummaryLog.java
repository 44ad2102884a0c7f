package eu.tmall.gateway.observability;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Iterator;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.ConsoleTarget;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends the request summary lines (logger {@value #LOGGER}, one per request) through a
 * {@link BufferedConsoleAppender}, with the console's format and filters. Written line by
 * line, each cost a system call, and the event loops queued for the console's lock behind
 * one another's: 7% of a cached request's CPU (bench/RESULTS.md). Every other line
 * (warnings, errors, start-up) is still written at once.
 * <p>
 * Only Spring Boot's console on standard output is taken over, and only while nothing
 * else is configured for the summary logger: any other logging configuration sends the
 * lines where it says, unbuffered, as does a {@code flush-interval} of 0. No line is
 * dropped on the way: an appender that gives way writes its lines and keeps writing the
 * ones still reaching it, at once.
 */
@Component
public class SummaryLog implements DisposableBean {

	/**
	 * The logger of the summary lines, so they can be routed or silenced on their own.
	 */
	public static final String LOGGER = "eu.tmall.gateway.requests";

	static final String APPENDER = "BUFFERED_SUMMARY";

	private final Logger summaries;

	private final @Nullable BufferedConsoleAppender appender;

	@Autowired
	SummaryLog(SummaryLogProperties properties) {
		this((LoggerContext) LoggerFactory.getILoggerFactory(), properties.flushInterval(),
				ConsoleTarget.SystemOut.getStream());
	}

	SummaryLog(LoggerContext context, Duration flushInterval, OutputStream target) {
		this.summaries = context.getLogger(LOGGER);
		// an earlier application context's in this JVM (tests) gives way first
		if (this.summaries.getAppender(APPENDER) instanceof BufferedConsoleAppender earlier) {
			earlier.writeThrough();
			this.summaries.setAdditive(true);
			this.summaries.detachAppender(earlier);
		}
		ConsoleAppender<ILoggingEvent> console = standardOutputConsole(context.getLogger(Logger.ROOT_LOGGER_NAME));
		this.appender = (flushInterval.isZero() || console == null || !unconfigured(this.summaries)) ? null
				: install(console, flushInterval, target);
	}

	private @Nullable BufferedConsoleAppender install(ConsoleAppender<ILoggingEvent> console, Duration flushInterval,
			OutputStream target) {
		BufferedConsoleAppender buffered = new BufferedConsoleAppender(target, flushInterval);
		buffered.setContext(console.getContext());
		buffered.setName(APPENDER);
		buffered.setEncoder(console.getEncoder());
		console.getCopyOfAttachedFiltersList().forEach(buffered::addFilter);
		buffered.start();
		if (!buffered.isStarted()) {
			// Logback said why in its status; the console keeps the lines
			return null;
		}
		this.summaries.addAppender(buffered);
		this.summaries.setAdditive(false);
		return buffered;
	}

	/**
	 * Spring Boot's console, when it is the root's only appender and writes to stdout.
	 */
	private static @Nullable ConsoleAppender<ILoggingEvent> standardOutputConsole(Logger root) {
		Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders();
		Appender<ILoggingEvent> only = appenders.hasNext() ? appenders.next() : null;
		if (appenders.hasNext() || !(only instanceof ConsoleAppender<ILoggingEvent> console)) {
			return null;
		}
		return ("CONSOLE".equals(console.getName()) && "System.out".equals(console.getTarget())) ? console : null;
	}

	private static boolean unconfigured(Logger logger) {
		return logger.isAdditive() && !logger.iteratorForAppenders().hasNext();
	}

	/**
	 * Writes the lines held so far, so that a test can read a request's line once it is
	 * answered.
	 */
	void flush() {
		if (this.summaries.getAppender(APPENDER) instanceof BufferedConsoleAppender current) {
			current.flush();
		}
	}

	/**
	 * Writes the lines held and each one after at once: a request still finishing as the
	 * application stops may log after this, until Logback itself stops.
	 */
	@Override
	public void destroy() {
		if (this.appender != null) {
			this.appender.writeThrough();
		}
	}

}
