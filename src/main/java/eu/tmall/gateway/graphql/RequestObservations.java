package eu.tmall.gateway.graphql;

import java.time.Duration;
import java.util.List;

import eu.tmall.gateway.observability.RequestClient;
import eu.tmall.gateway.observability.RequestTally;
import eu.tmall.gateway.observability.SummaryLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * One summary line per GraphQL request (operation, client, duration, upstream calls,
 * cache hits, errors), and every error counted by its {@code extensions.code}. The
 * request's {@link RequestTally} rides in its Reactor context for the upstream layer to
 * fill. Nothing of the request's variables or headers is logged.
 */
@Component
@Order(RequestObservations.ORDER)
class RequestObservations implements WebGraphQlInterceptor {

	/** Outside every other interceptor of ours but access's, to time and count it all. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	static final String ERRORS = "gateway.graphql.errors";

	private static final Logger logger = LoggerFactory.getLogger(SummaryLog.LOGGER);

	private final MeterRegistry registry;

	RequestObservations(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		RequestTally tally = new RequestTally();
		long started = System.nanoTime();
		return chain.next(request)
			// `handle`, unlike `doOnNext`, puts the request's trace on the thread, so the
			// line carries it (spring.reactor.context-propagation=limited)
			.<WebGraphQlResponse>handle((response, sink) -> {
				observe(request, response, tally, Duration.ofNanos(System.nanoTime() - started));
				sink.next(response);
			})
			.contextWrite(context -> context.put(RequestTally.class, tally));
	}

	private void observe(WebGraphQlRequest request, WebGraphQlResponse response, RequestTally tally, Duration took) {
		List<ResponseError> errors = response.getErrors();
		errors.forEach(this::count);
		Object client = request.getAttributes().getOrDefault(RequestClient.ATTRIBUTE, RequestClient.ANONYMOUS);
		String operation = OperationNames.of(response.getExecutionInput().getGraphQLContext());
		logger.atInfo()
			.addKeyValue("operation", operation)
			.addKeyValue("client", client)
			.addKeyValue("duration_ms", took.toMillis())
			.addKeyValue("upstream_calls", tally.upstreamCalls())
			.addKeyValue("cache_hits", tally.cacheHits())
			.addKeyValue("cache_misses", tally.cacheMisses())
			.addKeyValue("errors", errors.size())
			.log("graphql operation={} client={} duration_ms={} upstream_calls={} cache_hits={} cache_misses={} errors={}",
					operation, client, took.toMillis(), tally.upstreamCalls(), tally.cacheHits(), tally.cacheMisses(),
					errors.size());
	}

	private void count(ResponseError error) {
		Counter.builder(ERRORS)
			.description("GraphQL errors answered, by extensions.code")
			.tag("code", String.valueOf(error.getExtensions().get("code")))
			.register(this.registry)
			.increment();
	}

}
