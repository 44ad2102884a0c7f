package eu.tmall.gateway.graphql;

import java.net.URI;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.server.webflux.GraphiQlHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * GraphiQL at {@code /graphiql}, ahead of spring-graphql's own routes, for two reasons.
 * Its page loads React and GraphiQL from a CDN, so without the internet it is blank: this
 * one is spring-graphql's handler on a page whose assets the gateway serves itself
 * ({@code static/graphiql/}, vendored by {@code scripts/vendor-graphiql.sh}). And its
 * redirect of {@code /graphiql} to {@code /graphiql?path=/graphql} is absolute, its host
 * taken from the request's {@code Host} header, so a forged header (cached by a shared
 * cache, say) could send users to another site: this one is relative, built from
 * configuration alone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("spring.graphql.graphiql.enabled")
class GraphiQlConfiguration {

	static final String PAGE = "graphiql/offline.html";

	// Boot's GraphQL routes are at order 0 and would answer the same requests
	@Bean
	@Order(-1)
	RouterFunction<ServerResponse> graphiQl(GraphQlProperties properties) {
		String graphiQlPath = properties.getGraphiql().getPath();
		GraphiQlHandler page = new GraphiQlHandler(properties.getHttp().getPath(), properties.getWebsocket().getPath(),
				new ClassPathResource(PAGE));
		return RouterFunctions
			.route(RequestPredicates.GET(graphiQlPath).and(request -> request.queryParam("path").isEmpty()),
					request -> ServerResponse.temporaryRedirect(location(request, properties)).build())
			.andRoute(RequestPredicates.GET(graphiQlPath), page::handleRequest);
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
