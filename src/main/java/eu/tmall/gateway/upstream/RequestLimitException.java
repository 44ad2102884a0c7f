package eu.tmall.gateway.upstream;

/**
 * A call to an upstream that a request's own {@link RequestBudget} stopped: not the
 * upstream's failure, so no circuit breaker counts it and no retry repeats it.
 */
public abstract sealed class RequestLimitException extends RuntimeException
		permits RequestBudgetExceededException, RequestDeadlineExceededException {

	private final transient RequestBudget budget;

	private final Upstream upstream;

	RequestLimitException(RequestBudget budget, Upstream upstream, String message) {
		super(upstream.displayName() + ": " + message, null, false, false);
		this.budget = budget;
		this.upstream = upstream;
	}

	/**
	 * The budget that stopped the call: only its own request is bound by it, not another
	 * that shared the call.
	 */
	public RequestBudget budget() {
		return this.budget;
	}

	public Upstream upstream() {
		return this.upstream;
	}

}
