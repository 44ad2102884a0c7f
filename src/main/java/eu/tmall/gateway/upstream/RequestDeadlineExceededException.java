package eu.tmall.gateway.upstream;

/**
 * A request that ran out of the time {@code gateway.limits.request-deadline} gives it
 * before an upstream answered.
 */
public final class RequestDeadlineExceededException extends RequestLimitException {

	RequestDeadlineExceededException(RequestBudget budget, Upstream upstream) {
		super(budget, upstream, "no answer within the request's deadline (gateway.limits.request-deadline, %d ms)"
			.formatted(budget.deadline().toMillis()));
	}

}
