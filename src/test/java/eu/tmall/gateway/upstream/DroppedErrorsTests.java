package eu.tmall.gateway.upstream;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upstream failure that arrives after its attempt timed out is dropped by Reactor; it
 * is one DEBUG line, not Reactor's ERROR with a stack. Anything else dropped still is.
 */
class DroppedErrorsTests {

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	private final Logger droppedErrors = (Logger) LoggerFactory.getLogger(DroppedErrors.class);

	private final Logger reactor = (Logger) LoggerFactory.getLogger("reactor.core.publisher.Operators");

	@BeforeEach
	void listen() {
		new DroppedErrors();
		this.events.start();
		this.droppedErrors.addAppender(this.events);
		this.reactor.addAppender(this.events);
		this.droppedErrors.setLevel(Level.DEBUG);
		// the ERROR this test provokes is not one for the build's output
		this.droppedErrors.setAdditive(false);
	}

	@AfterEach
	void stopListening() {
		this.droppedErrors.detachAppender(this.events);
		this.reactor.detachAppender(this.events);
		this.droppedErrors.setLevel(null);
		this.droppedErrors.setAdditive(true);
	}

	@Test
	void shouldLogALateUpstreamFailureAsOneDebugLine() {
		failAfterTimeout(
				new UpstreamException(Upstream.TMALL_EUROPE, UpstreamException.Kind.UNAVAILABLE, "answered HTTP 503"));

		assertThat(this.events.list).singleElement().satisfies(event -> {
			assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
			assertThat(event.getThrowableProxy()).isNull();
			assertThat(event.getFormattedMessage()).contains("Tmall Europe: answered HTTP 503");
		});
	}

	@Test
	void shouldStillLogAnyOtherDroppedErrorWithItsStack() {
		failAfterTimeout(new IllegalStateException("a bug"));

		assertThat(this.events.list).singleElement().satisfies(event -> {
			assertThat(event.getLevel()).isEqualTo(Level.ERROR);
			assertThat(event.getThrowableProxy().getMessage()).isEqualTo("a bug");
		});
	}

	/** A call whose failure comes only once the timeout has given up on it. */
	private static void failAfterTimeout(RuntimeException late) {
		Publisher<String> call = subscriber -> subscriber.onSubscribe(new Subscription() {

			@Override
			public void request(long n) {
			}

			@Override
			public void cancel() {
				subscriber.onError(late);
			}

		});

		StepVerifier.create(Mono.fromDirect(call).timeout(Duration.ofMillis(10)))
			.expectError(TimeoutException.class)
			.verify(Duration.ofSeconds(5));
	}

}
