package eu.tmall.gateway.graphql;

import eu.tmall.gateway.upstream.RequestBudget;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives every GraphQL request its {@link RequestBudget}: {@code max-upstream-calls} to
 * each upstream and {@code request-deadline}, from the moment its execution starts. It
 * rides in the request's Reactor context, which spring-graphql hands on to resolvers and
 * DataLoaders.
 */
@Component
class RequestBudgets implements WebGraphQlInterceptor {

	private final QueryLimits limits;

	RequestBudgets(QueryLimits limits) {
		this.limits = limits;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request)
			.contextWrite(context -> context.put(RequestBudget.class,
					new RequestBudget(this.limits.maxUpstreamCalls(), this.limits.requestDeadline())));
	}

}
