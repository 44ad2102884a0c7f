package eu.tmall.gateway.access;

import eu.tmall.gateway.observability.RequestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Access fails closed: a GraphQL request that reaches execution without having passed
 * {@link GraphQlRequestFilter}, which names the client of every request it admits, is
 * refused and never run. It takes a route the filter does not know of, so it is a bug.
 */
class AdmittedOnly implements WebGraphQlInterceptor, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(AdmittedOnly.class);

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request.getAttributes().containsKey(RequestClient.ATTRIBUTE)) {
			return chain.next(request);
		}
		logger.error("A GraphQL request to {} reached execution without the access checks: refused",
				request.getUri().getPath());
		return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "not admitted by the access checks"));
	}

}
