package eu.tmall.gateway.observability;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.jspecify.annotations.Nullable;

/**
 * A console appender that writes its lines the way a busy web server writes its access
 * log (nginx's {@code access_log … buffer=64k flush=…}): into a buffer, which goes out in
 * one write when it is full, every {@code flushInterval}, and when the appender stops.
 * Lines are encoded on the logging thread, as Logback's own appenders do, outside the
 * lock; the lock is held for the copy into the buffer, and by the thread whose line fills
 * it for the one write of the whole buffer.
 */
final class BufferedConsoleAppender extends OutputStreamAppender<ILoggingEvent> {

	static final int BUFFER_BYTES = 64 * 1024;

	private final OutputStream target;

	private final Duration flushInterval;

	private @Nullable ScheduledFuture<?> flushes;

	/**
	 * @param target where the lines go: Logback's standard output, which it looks up at
	 * each write (a test's output capture replaces it) and never closes
	 * @param flushInterval the longest a line waits in the buffer
	 */
	BufferedConsoleAppender(OutputStream target, Duration flushInterval) {
		this.target = target;
		this.flushInterval = flushInterval;
		setImmediateFlush(false);
	}

	@Override
	public void start() {
		setOutputStream(new BufferedOutputStream(this.target, BUFFER_BYTES));
		super.start();
		if (!isStarted()) {
			return;
		}
		long nanos = this.flushInterval.toNanos();
		this.flushes = getContext().getScheduledExecutorService()
			.scheduleWithFixedDelay(this::flush, nanos, nanos, TimeUnit.NANOSECONDS);
		getContext().addScheduledFuture(this.flushes);
	}

	@Override
	public void stop() {
		cancelFlushes();
		// closing the buffer writes what it holds; closing the target is the JVM's
		// business
		super.stop();
	}

	/**
	 * Writes what the buffer holds; the timer's call finds it empty while the gateway is
	 * idle.
	 */
	void flush() {
		this.streamWriteLock.lock();
		try {
			OutputStream buffer = getOutputStream();
			if (isStarted() && buffer != null) {
				buffer.flush();
			}
		}
		catch (IOException ex) {
			addError("Could not write the buffered log lines", ex);
		}
		finally {
			this.streamWriteLock.unlock();
		}
	}

	/**
	 * Writes what the buffer holds and, from now on, each line as it comes, with no
	 * timer: for an appender that gives way while lines may still reach it, which
	 * stopping it would drop.
	 */
	void writeThrough() {
		this.streamWriteLock.lock();
		try {
			setImmediateFlush(true);
		}
		finally {
			this.streamWriteLock.unlock();
		}
		flush();
		cancelFlushes();
	}

	private void cancelFlushes() {
		if (this.flushes != null) {
			this.flushes.cancel(false);
		}
	}

}
