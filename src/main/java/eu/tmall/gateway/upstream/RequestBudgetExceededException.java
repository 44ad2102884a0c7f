package eu.tmall.gateway.upstream;

/**
 * A request that has made all the calls to an upstream that
 * {@code gateway.limits.max-upstream-calls} allows it.
 */
public final class RequestBudgetExceededException extends RequestLimitException {

	RequestBudgetExceededException(RequestBudget budget, Upstream upstream) {
		super(budget, upstream, ("this request has made the %d calls to the marketplace that "
				+ "gateway.limits.max-upstream-calls allows: ask for fewer or shallower searches in one request")
			.formatted(budget.callsPerUpstream()));
	}

}
