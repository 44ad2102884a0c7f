package eu.tmall.gateway.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.channel.AbortedException;

import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Ends quietly a request whose connection closed before it could be answered: the client
 * went away, or one of the gateway's deadlines closed it (counted and logged by
 * {@link ClosedConnections}). There is no one left to answer, yet WebFlux would log each
 * one at ERROR, with a stack trace, as a "500 Server Error". Only a connection seen
 * closed qualifies: on an open one, the error is answered as any other.
 */
@Component
// ahead of Boot's error handler (order -1), which would take it for a bug
@Order(-2)
class AbandonedRequests implements WebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger("eu.tmall.gateway.connections");

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (!(ex instanceof AbortedException) || !connectionClosed(exchange)) {
			return Mono.error(ex);
		}
		logger.debug("{} {} abandoned: its connection closed before the answer", exchange.getRequest().getMethod(),
				exchange.getRequest().getPath());
		return Mono.empty();
	}

	private static boolean connectionClosed(ServerWebExchange exchange) {
		Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
		return request instanceof Connection connection && !connection.channel().isActive();
	}

}
