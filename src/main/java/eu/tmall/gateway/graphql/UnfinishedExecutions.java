package eu.tmall.gateway.graphql;

import java.time.Duration;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

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
 */
@Component
@Order(CodedErrors.ORDER + 1)
class UnfinishedExecutions implements WebGraphQlInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(UnfinishedExecutions.class);

	private final Duration limit;

	UnfinishedExecutions(QueryLimits limits) {
		this.limit = limits.requestDeadline().multipliedBy(2);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).timeout(this.limit, Mono.fromSupplier(() -> unfinished(request)));
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
