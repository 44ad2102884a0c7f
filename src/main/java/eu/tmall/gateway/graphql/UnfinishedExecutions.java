package eu.tmall.gateway.graphql;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * The safety net under {@code request-deadline}: an execution still running twice that
 * long after it started is answered with {@code INTERNAL_ERROR} and logged at ERROR. The
 * deadline cuts every upstream wait, so only a bug gets here (a DataLoader never
 * dispatched, a future never completed); without the net such a request would hold its
 * client and its place under the admission limit for good. Runs inside
 * {@link CodedErrors}, which adds the trace id.
 * <p>
 * The net is a timer on a hashed wheel, set and cancelled by every request: both are a
 * lock-free enqueue, read by the wheel's own thread ten times a second. Reactor's
 * {@code timeout} puts the timer in a delay queue behind a lock, whose thread is woken
 * for each one, at a tenth of the CPU of a {@code { __typename }}.
 */
@Component
@Order(CodedErrors.ORDER + 1)
class UnfinishedExecutions implements WebGraphQlInterceptor, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(UnfinishedExecutions.class);

	private final Duration limit;

	private final Timer timer;

	@Autowired
	UnfinishedExecutions(QueryLimits limits) {
		this(limits, new HashedWheelTimer(new DefaultThreadFactory("unfinished-executions", true)));
	}

	UnfinishedExecutions(QueryLimits limits, Timer timer) {
		this.limit = limits.requestDeadline().multipliedBy(2);
		this.timer = timer;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		// in `handle`, the request's trace is on the thread for the log line: the wheel's
		// thread runs the fallback, and the answer asks to report the trace id
		return chain.next(request)
			.timeout(expiry(), Mono.just(request).handle((unanswered, sink) -> sink.next(unfinished(unanswered))));
	}

	/**
	 * Signals once the limit has passed since it was subscribed. Cancelled, it unsets its
	 * timer and lets go of the request at once: the wheel drops a cancelled timer only at
	 * its next tick, and the thousands of answered requests a tick would hold there would
	 * outlive the young collection.
	 */
	private Mono<Long> expiry() {
		return Mono.create(sink -> {
			AtomicReference<@Nullable MonoSink<Long>> pending = new AtomicReference<>(sink);
			Timeout timeout = this.timer.newTimeout((expired) -> {
				MonoSink<Long> expiring = pending.getAndSet(null);
				if (expiring != null) {
					expiring.success(0L);
				}
			}, this.limit.toNanos(), TimeUnit.NANOSECONDS);
			sink.onCancel(() -> {
				pending.set(null);
				timeout.cancel();
			});
		});
	}

	@Override
	public void destroy() {
		this.timer.stop();
	}

	private WebGraphQlResponse unfinished(WebGraphQlRequest request) {
		logger.error("GraphQL request {} (operation {}) still executing {} after it started: answered INTERNAL_ERROR",
				request.getId(), request.getOperationName(), this.limit);
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.data(null)
			.addError(GraphqlErrorBuilder.newError()
				.message("the gateway did not finish this request within %d s: report it with the trace id"
					.formatted(this.limit.toSeconds()))
				.extensions(Map.of("code", ErrorCode.INTERNAL_ERROR.name()))
				.build())
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
