package eu.tmall.gateway.graphql;

import reactor.core.publisher.Mono;

import org.springframework.graphql.GraphQlRequest;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * A GraphQL request as the access filter read and checked it, handed to the handlers in
 * the exchange attribute {@value #ATTRIBUTE} (a spring-graphql {@link GraphQlRequest}),
 * so that its body is parsed once and what runs is what was checked. Both of
 * spring-graphql's routes, the JSON one and the server-sent events one, run it; neither
 * reads the body. A request that comes without one did not pass the checks, and is
 * refused.
 */
public final class AdmittedRequest {

	public static final String ATTRIBUTE = "gateway.admitted-request";

	private AdmittedRequest() {
	}

	/**
	 * The admitted request of the exchange, as spring-graphql's handlers run it, or an
	 * error if there is none.
	 */
	static Mono<WebGraphQlRequest> of(ServerRequest request) {
		if (!(request.attributes().remove(ATTRIBUTE) instanceof GraphQlRequest admitted)) {
			return Mono.error(new IllegalStateException("a GraphQL request reached the handler unchecked"));
		}
		ServerHttpRequest http = request.exchange().getRequest();
		return Mono
			.just(new WebGraphQlRequest(request.uri(), http.getHeaders(), http.getCookies(), http.getRemoteAddress(),
					request.attributes(), admitted, http.getId(), request.exchange().getLocaleContext().getLocale()));
	}

}
