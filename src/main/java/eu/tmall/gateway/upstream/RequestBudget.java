package eu.tmall.gateway.upstream;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * What one GraphQL request may still ask of the upstreams: a number of calls to each
 * (attempts, retries included, as {@code RequestTally} counts them) and a deadline for
 * the whole request. Like the tally, it travels in the request's Reactor context, so the
 * code that spends it needs no parameter for it; outside a request (a client called
 * directly) nothing is limited.
 * <p>
 * {@link UpstreamResilience} charges each attempt as it starts, outside the circuit
 * breaker: a call the budget refuses never reached the upstream, so it is neither the
 * upstream's failure nor its success, and it is not retried. The deadline cuts a call by
 * cancelling it, which the breaker does not count either: the upstream did not fail, the
 * request ran out of time.
 */
public final class RequestBudget {

	// a century: as good as no deadline, and far from overflowing System.nanoTime()
	private static final RequestBudget NONE = new RequestBudget(Integer.MAX_VALUE, Duration.ofDays(36_500));

	private final int callsPerUpstream;

	private final Duration deadline;

	private final long deadlineNanos;

	private final LongSupplier nanoTime;

	private final Map<Upstream, AtomicInteger> calls = new EnumMap<>(Upstream.class);

	/** A budget whose deadline starts now. */
	public RequestBudget(int callsPerUpstream, Duration deadline) {
		this(callsPerUpstream, deadline, System::nanoTime);
	}

	RequestBudget(int callsPerUpstream, Duration deadline, LongSupplier nanoTime) {
		this.callsPerUpstream = callsPerUpstream;
		this.deadline = deadline;
		this.nanoTime = nanoTime;
		this.deadlineNanos = nanoTime.getAsLong() + deadline.toNanos();
		for (Upstream upstream : Upstream.values()) {
			this.calls.put(upstream, new AtomicInteger());
		}
	}

	/** The budget of the request whose context this is, or one without limits. */
	public static RequestBudget of(ContextView context) {
		return context.getOrDefault(RequestBudget.class, NONE);
	}

	/**
	 * The attempt, charged to the request's budget as it is subscribed; refused at once,
	 * without subscribing, when the request has no call to the upstream left.
	 */
	static <T> Mono<T> charged(Upstream upstream, Mono<T> attempt) {
		return Mono.deferContextual(context -> {
			RequestBudget budget = of(context);
			return budget.tryCall(upstream) ? attempt
					: Mono.error(new RequestBudgetExceededException(budget, upstream));
		});
	}

	/**
	 * The call, bounded by its own deadline or by the time the request has left,
	 * whichever ends sooner. Only past its own deadline does it fail with a
	 * {@link java.util.concurrent.TimeoutException}; past the request's, with a
	 * {@link RequestDeadlineExceededException}, at once if no time is left.
	 */
	static <T> Mono<T> within(Upstream upstream, Duration callDeadline, Mono<T> call) {
		// named after the upstream, which the timeout's message quotes: unnamed, Reactor
		// walks the whole chain of the call on every subscribe to make a name up (10 µs)
		Mono<T> named = call.name(upstream.id());
		return Mono.deferContextual(context -> of(context).bound(upstream, callDeadline, named));
	}

	private <T> Mono<T> bound(Upstream upstream, Duration callDeadline, Mono<T> call) {
		Duration remaining = remaining();
		if (remaining.compareTo(callDeadline) >= 0) {
			return call.timeout(callDeadline);
		}
		if (remaining.isZero()) {
			return Mono.error(new RequestDeadlineExceededException(this, upstream));
		}
		return call.timeout(remaining, Mono.error(() -> new RequestDeadlineExceededException(this, upstream)));
	}

	/** Takes one call to the upstream, if any is left. */
	public boolean tryCall(Upstream upstream) {
		int limit = this.callsPerUpstream;
		return this.calls.get(upstream).getAndUpdate(spent -> (spent < limit) ? spent + 1 : spent) < limit;
	}

	/** The calls to the upstream taken so far. */
	public int calls(Upstream upstream) {
		return this.calls.get(upstream).get();
	}

	/** The time left before the request's deadline, zero once it has passed. */
	public Duration remaining() {
		long left = this.deadlineNanos - this.nanoTime.getAsLong();
		return (left > 0) ? Duration.ofNanos(left) : Duration.ZERO;
	}

	public int callsPerUpstream() {
		return this.callsPerUpstream;
	}

	public Duration deadline() {
		return this.deadline;
	}

}
