package eu.tmall.gateway.graphql;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import graphql.ExecutionResult;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An execution that never ends (a bug) is answered once twice the request deadline has
 * passed on the net's timer; one that ends in time, or whose client goes away, is left
 * alone and unsets its timer.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnfinishedExecutionsTests {

	private static final Duration DEADLINE = Duration.ofSeconds(5);

	private final ManualTimer timer = new ManualTimer();

	private final UnfinishedExecutions net = new UnfinishedExecutions(limits(DEADLINE), this.timer);

	@Test
	void shouldAnswerAnExecutionThatNeverEndsWithAnInternalErrorAfterTwiceTheDeadline(CapturedOutput output) {
		AtomicReference<WebGraphQlResponse> answer = new AtomicReference<>();
		this.net.intercept(request(), (request) -> Mono.never()).subscribe(answer::set);

		this.timer.advance(DEADLINE.multipliedBy(2).minusMillis(1));
		assertThat(answer).hasNullValue();
		this.timer.advance(Duration.ofMillis(1));

		assertThat((Object) answer.get().getData()).isNull();
		List<ResponseError> errors = answer.get().getErrors();
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.getExtensions()).containsEntry("code", "INTERNAL_ERROR");
			assertThat(error.getMessage()).contains("within 10 s");
		});
		assertThat(output.getOut().lines().filter((line) -> line.contains("ERROR"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("still executing PT10S"));
		assertThat(output.getOut()).doesNotContain("\tat ");
	}

	/**
	 * The answer tells the caller to report it with the trace id, so the ERROR line has
	 * to carry it too, though the wheel's thread fires the timer.
	 */
	@Test
	void shouldLogAnExecutionThatNeverEndsWithTheRequestsTrace() {
		ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor("traceId"));
		Logger logger = (Logger) LoggerFactory.getLogger(UnfinishedExecutions.class);
		ListAppender<ILoggingEvent> logged = new ListAppender<>() {
			@Override
			protected void append(ILoggingEvent event) {
				// the log line's MDC as it was on the thread that wrote it
				event.prepareForDeferredProcessing();
				super.append(event);
			}
		};
		logged.start();
		logger.addAppender(logged);
		try {
			this.net.intercept(request(), (request) -> Mono.never())
				.contextWrite(Context.of(Slf4jThreadLocalAccessor.KEY, Map.of("traceId", "4bf92f3577b34da6")))
				.subscribe();

			this.timer.advance(DEADLINE.multipliedBy(2));

			assertThat(logged.list).singleElement()
				.satisfies((line) -> assertThat(line.getMDCPropertyMap()).containsEntry("traceId", "4bf92f3577b34da6"));
		}
		finally {
			logger.detachAppender(logged);
			ContextRegistry.getInstance().removeThreadLocalAccessor(Slf4jThreadLocalAccessor.KEY);
		}
	}

	@Test
	void shouldPassOnTheAnswerOfAnExecutionThatEndsInTimeAndUnsetItsTimer() {
		WebGraphQlRequest request = request();
		WebGraphQlResponse answer = new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
				request.toExecutionInput(), ExecutionResult.newExecutionResult().data(Map.of("ok", true)).build()));
		Sinks.One<WebGraphQlResponse> execution = Sinks.one();
		AtomicReference<WebGraphQlResponse> passedOn = new AtomicReference<>();
		this.net.intercept(request, (next) -> execution.asMono()).subscribe(passedOn::set);
		this.timer.advance(DEADLINE.multipliedBy(2).minusMillis(1));
		assertThat(this.timer.pending()).isOne();

		execution.tryEmitValue(answer).orThrow();

		assertThat(passedOn).hasValue(answer);
		assertThat(this.timer.pending()).isZero();
	}

	@Test
	void shouldUnsetTheTimerOfARequestWhoseClientWentAway() {
		Disposable subscription = this.net.intercept(request(), (request) -> Mono.never()).subscribe();
		assertThat(this.timer.pending()).isOne();

		subscription.dispose();

		assertThat(this.timer.pending()).isZero();
	}

	@Test
	void shouldStopItsTimerWithTheApplication() {
		this.net.destroy();

		assertThat(this.timer.stopped()).isTrue();
	}

	private static QueryLimits limits(Duration deadline) {
		return new QueryLimits(DataSize.ofKilobytes(100), 20000, 5000, 20000, 500, 15, 5000, 30, 500, 10, 40, deadline);
	}

	private static WebGraphQlRequest request() {
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null,
				new HashMap<>(), Map.of("query", "{ __typename }"), "1", null);
	}

}
