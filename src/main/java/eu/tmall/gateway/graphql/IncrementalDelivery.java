package eu.tmall.gateway.graphql;

import java.util.List;

import eu.tmall.gateway.observability.TraceIds;
import graphql.ExperimentalApi;
import graphql.incremental.IncrementalExecutionResult;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * {@code @defer} for the clients that can take it: a request that accepts
 * {@code multipart/mixed} (Apollo Client and urql send
 * {@code multipart/mixed;deferSpec=20220824, application/json}) runs with graphql-java's
 * incremental delivery, and its deferred fragments follow the first answer as further
 * parts ({@link IncrementalGraphQlHttpHandler}). Any other request runs as one answer,
 * deferred fragments inline, as the incremental delivery RFC lets a server do.
 * <p>
 * The innermost interceptor: it keeps graphql-java's incremental result, with the trace
 * id its later parts' errors carry, in the {@link Later} the HTTP handler put in the
 * request's attributes, because the interceptors outside it may rebuild the response
 * (CodedErrors does) and lose its later parts. A request that came another way (no
 * {@link Later}) has no transport for later parts and runs as one answer.
 */
class IncrementalDelivery implements WebGraphQlInterceptor, Ordered {

	static final MediaType MULTIPART_MIXED = MediaType.MULTIPART_MIXED;

	static final String ATTRIBUTE = IncrementalDelivery.class.getName() + ".deferred";

	private final TraceIds traceIds;

	IncrementalDelivery(TraceIds traceIds) {
		this.traceIds = traceIds;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request.getAttributes().get(ATTRIBUTE) instanceof Later later) || !acceptsMultipart(request)) {
			return chain.next(request);
		}
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(ExperimentalApi.ENABLE_INCREMENTAL_SUPPORT, true);
			return input;
		});
		// `handle` puts the request's trace on the thread (context propagation is
		// limited)
		return chain.next(request).handle((response, sink) -> {
			if (response.getExecutionResult() instanceof IncrementalExecutionResult incremental) {
				later.deferred = new Deferred(incremental, this.traceIds.current());
			}
			sink.next(response);
		});
	}

	private static boolean acceptsMultipart(WebGraphQlRequest request) {
		try {
			List<MediaType> accepted = request.getHeaders().getAccept();
			// named: curl's */* takes anything and expects one JSON answer
			return accepted.stream().anyMatch(MULTIPART_MIXED::equalsTypeAndSubtype);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/** Where the HTTP handler finds what a request has still to send. */
	static final class Later {

		volatile @Nullable Deferred deferred;

	}

	/**
	 * What a request with deferred fragments has still to send.
	 *
	 * @param result graphql-java's first answer, with the publisher of the later parts
	 * @param traceId the request's trace id, for the errors of the later parts
	 */
	record Deferred(IncrementalExecutionResult result, @Nullable String traceId) {

	}

}
