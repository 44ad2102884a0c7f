package eu.tmall.gateway.access;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses with 400, before anything else reads it, a request whose path the router and a
 * check could read differently: matrix parameters ({@code /graphql;x}), percent-escapes
 * ({@code /%67raphql}), dot segments, repeated slashes, backslashes, control characters,
 * and methods other than the usual seven. Spring Security's strict firewall decides, with
 * every percent-escape added to what it refuses: no path of the gateway needs one, and
 * WebFlux routes an escaped letter to the path it spells.
 */
class PathFirewall implements WebFilter, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(PathFirewall.class);

	private final StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();

	private final ErrorResponses errors;

	PathFirewall(ErrorResponses errors) {
		this.errors = errors;
		this.firewall.getEncodedUrlBlocklist().add("%");
	}

	@Override
	public int getOrder() {
		// only the security headers come first: they read nothing of the request
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	/**
	 * Only the firewall's verdict on the request is taken, not its exchange: that one
	 * checks every header again on every read, which Reactor Netty's decoder has done
	 * once. Nor its look at the answer's headers for CR and LF before they are sent:
	 * Netty's own headers refuse those when they are set (PathSpellingTests).
	 */
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.firewall.getFirewalledExchange(new RequestOnly(exchange))
			.flatMap(checked -> chain.filter(exchange))
			.onErrorResume(ServerExchangeRejectedException.class, rejected -> refuse(exchange, rejected));
	}

	private Mono<Void> refuse(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		logger.debug("Refused {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
				rejected.getMessage());
		return this.errors.write(exchange, RefusedRequest.badRequest(
				"the request path must be in canonical form, without ';' parameters, percent-escapes, '.' or '..'"
						+ " segments, repeated slashes or backslashes (" + rejected.getMessage() + ")"));
	}

	/** The exchange as the firewall sees it: its answer takes no action before commit. */
	private static final class RequestOnly extends ServerWebExchangeDecorator {

		private final ServerHttpResponse response;

		RequestOnly(ServerWebExchange exchange) {
			super(exchange);
			this.response = new ServerHttpResponseDecorator(exchange.getResponse()) {

				@Override
				public void beforeCommit(Supplier<? extends Mono<Void>> action) {
				}

			};
		}

		@Override
		public ServerHttpResponse getResponse() {
			return this.response;
		}

	}

}
