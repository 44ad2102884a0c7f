package eu.tmall.gateway;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fails a test class whose requests leave a Netty buffer unreleased, on the gateway's
 * side or on its test clients'. While the class runs Netty tracks every buffer, not one
 * in 128; after it, garbage collection lets Netty report what it collected unreleased.
 * Without this a leak shows, if at all, as an ERROR in the log of some later test.
 * <p>
 * A Netty leak report is a side effect of the next buffer allocated after a collection,
 * so this collects until a reference of its own is cleared, twice: the references a
 * collection clears are handed over in one batch, so when the second one arrives every
 * buffer collected by the first has reached Netty, and one allocation reports them all. A
 * buffer that an open connection still holds when the class ends is not garbage yet, and
 * escapes. The detection level is global: it relies on test classes running one at a
 * time, as they do here.
 */
public final class NoBufferLeaks implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoBufferLeaks.class);

	private static final Logger REPORTS = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		ExtensionContext.Store store = context.getStore(NAMESPACE);
		store.put(ResourceLeakDetector.Level.class, ResourceLeakDetector.getLevel());
		ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
		// what earlier classes leaked is reported now, before this class is watched
		reportCollectedLeaks();
		ListAppender<ILoggingEvent> reports = new ListAppender<>();
		reports.start();
		store.put(ListAppender.class, reports);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		// attached once the application context has started: starting the logging
		// system may reset every logger's appenders
		ListAppender<ILoggingEvent> reports = reports(context);
		if (!REPORTS.isAttached(reports)) {
			REPORTS.addAppender(reports);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		ExtensionContext.Store store = context.getStore(NAMESPACE);
		ListAppender<ILoggingEvent> reports = reports(context);
		try {
			reportCollectedLeaks();
		}
		finally {
			REPORTS.detachAppender(reports);
			ResourceLeakDetector
				.setLevel(store.get(ResourceLeakDetector.Level.class, ResourceLeakDetector.Level.class));
		}
		// each report, with where the buffer went, is in the log above
		assertThat(reports.list).filteredOn(event -> event.getLevel() == Level.ERROR)
			.as("Netty's reports of buffers collected without having been released")
			.isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static ListAppender<ILoggingEvent> reports(ExtensionContext context) {
		return context.getStore(NAMESPACE).get(ListAppender.class, ListAppender.class);
	}

	private static void reportCollectedLeaks() {
		collectGarbage();
		collectGarbage();
		Unpooled.directBuffer(1).release();
	}

	private static void collectGarbage() {
		ReferenceQueue<Object> cleared = new ReferenceQueue<>();
		WeakReference<Object> witness = new WeakReference<>(new Object(), cleared);
		await().atMost(PatientTestClients.PATIENCE).until(() -> {
			System.gc();
			return cleared.poll() != null;
		});
		Reference.reachabilityFence(witness);
	}

}
