package eu.tmall.gateway.observability;

import java.util.concurrent.atomic.AtomicInteger;

import reactor.util.context.ContextView;

/**
 * What one GraphQL request cost below the gateway, for its summary log line: upstream
 * calls made (attempts, retries included) and cache lookups and misses. It travels in the
 * Reactor context of the request, so the code that counts needs no parameter for it;
 * outside a request (a test calling a client directly) nothing is counted.
 */
public final class RequestTally {

	private static final RequestTally NONE = new RequestTally();

	private final AtomicInteger upstreamCalls = new AtomicInteger();

	private final AtomicInteger cacheLookups = new AtomicInteger();

	private final AtomicInteger cacheMisses = new AtomicInteger();

	/** The tally of the request whose context this is, or one that nobody reads. */
	public static RequestTally of(ContextView context) {
		return context.getOrDefault(RequestTally.class, NONE);
	}

	public void upstreamCall() {
		this.upstreamCalls.incrementAndGet();
	}

	public void cacheLookups(int keys) {
		this.cacheLookups.addAndGet(keys);
	}

	public void cacheMisses(int keys) {
		this.cacheMisses.addAndGet(keys);
	}

	public int upstreamCalls() {
		return this.upstreamCalls.get();
	}

	/**
	 * Lookups answered from the cache, a load already in flight for another request
	 * included.
	 */
	public int cacheHits() {
		return this.cacheLookups.get() - this.cacheMisses.get();
	}

	public int cacheMisses() {
		return this.cacheMisses.get();
	}

}
