package eu.tmall.gateway.graphql;

import java.net.URI;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends {@code /graphiql} on to GraphiQL's page with a relative {@code Location}, built
 * from configuration alone. spring-graphql's own redirect is absolute, its host taken
 * from the request's {@code Host} header, so a forged header (cached by a shared cache,
 * say) could send users to another site. GraphiQL itself is still spring-graphql's: this
 * route only answers the request without {@code path}, ahead of it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("spring.graphql.graphiql.enabled")
class GraphiQlRedirectConfiguration {

	// Boot's GraphQL routes are at order 0 and would answer the same request
	@Bean
	@Order(-1)
	RouterFunction<ServerResponse> graphiQlRedirect(GraphQlProperties properties) {
		return RouterFunctions.route(
				RequestPredicates.GET(properties.getGraphiql().getPath())
					.and(request -> request.queryParam("path").isEmpty()),
				request -> ServerResponse.temporaryRedirect(location(request, properties)).build());
	}

	private static URI location(ServerRequest request, GraphQlProperties properties) {
		String contextPath = request.requestPath().contextPath().value();
		UriComponentsBuilder location = UriComponentsBuilder.fromPath(contextPath + properties.getGraphiql().getPath())
			.queryParam("path", contextPath + properties.getHttp().getPath());
		String webSocketPath = properties.getWebsocket().getPath();
		if (StringUtils.hasText(webSocketPath)) {
			location.queryParam("wsPath", contextPath + webSocketPath);
		}
		return location.encode().build().toUri();
	}

}
