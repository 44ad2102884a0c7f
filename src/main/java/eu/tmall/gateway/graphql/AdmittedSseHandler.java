package eu.tmall.gateway.graphql;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlSseHandler;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * spring-graphql's server-sent events handler (the route of a POST that accepts
 * {@code text/event-stream}), running the request the access filter read and checked
 * ({@link AdmittedRequest}) instead of decoding the body itself: what runs on this route
 * is what was checked, by construction rather than by two parsers that agree.
 */
class AdmittedSseHandler extends GraphQlSseHandler {

	private final WebGraphQlHandler graphQlHandler;

	AdmittedSseHandler(WebGraphQlHandler graphQlHandler, @Nullable Duration timeout, @Nullable Duration keepAlive) {
		super(graphQlHandler, timeout, keepAlive);
		this.graphQlHandler = graphQlHandler;
	}

	@Override
	public Mono<ServerResponse> handleRequest(ServerRequest request) {
		return AdmittedRequest.of(request)
			.flatMap(this.graphQlHandler::handleRequest)
			.flatMap(response -> prepareResponse(request, response));
	}

}
