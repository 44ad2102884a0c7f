package eu.tmall.gateway.observability;

import java.io.OutputStream;
import java.time.Duration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends the request summary lines (logger {@value #LOGGER}, one per request) through a
 * {@link BufferedConsoleAppender}, with the console's format and filters. Written line by
 * line, each cost a system call, and the event loops queued for the console's lock behind
 * one another's: a sixth of a cached request's CPU (bench/RESULTS.md). Every other line
 * (warnings, errors, start-up) is still written at once. Left alone when the logging is
 * configured otherwise than Spring Boot's console alone (a file, a Logback configuration
 * of one's own), or when {@code flush-interval} is 0.
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
				new BufferedConsoleAppender.StandardOutput());
	}

	SummaryLog(LoggerContext context, Duration flushInterval, OutputStream target) {
		this.summaries = context.getLogger(LOGGER);
		this.appender = install(context, flushInterval, target);
	}

	private @Nullable BufferedConsoleAppender install(LoggerContext context, Duration flushInterval,
			OutputStream target) {
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		if (flushInterval.isZero() || !(onlyAppender(root) instanceof OutputStreamAppender<ILoggingEvent> console)
				|| !"CONSOLE".equals(console.getName())) {
			return null;
		}
		BufferedConsoleAppender buffered = new BufferedConsoleAppender(target, flushInterval);
		buffered.setContext(context);
		buffered.setName(APPENDER);
		buffered.setEncoder(console.getEncoder());
		console.getCopyOfAttachedFiltersList().forEach(buffered::addFilter);
		buffered.start();
		// an earlier application context's in this JVM (tests) makes way
		Appender<ILoggingEvent> earlier = this.summaries.getAppender(APPENDER);
		this.summaries.addAppender(buffered);
		this.summaries.setAdditive(false);
		if (earlier != null) {
			this.summaries.detachAppender(earlier);
			earlier.stop();
		}
		return buffered;
	}

	private static @Nullable Appender<ILoggingEvent> onlyAppender(Logger root) {
		var appenders = root.iteratorForAppenders();
		Appender<ILoggingEvent> first = appenders.hasNext() ? appenders.next() : null;
		return appenders.hasNext() ? null : first;
	}

	/** Writes the lines held so far. */
	void flush() {
		if (this.appender != null) {
			this.appender.flush();
		}
	}

	/** Gives the lines back to the console, after writing those it holds. */
	@Override
	public void destroy() {
		if (this.appender == null || this.summaries.getAppender(APPENDER) != this.appender) {
			return;
		}
		this.summaries.detachAppender(this.appender);
		this.summaries.setAdditive(true);
		this.appender.stop();
	}

}
