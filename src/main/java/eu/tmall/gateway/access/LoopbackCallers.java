package eu.tmall.gateway.access;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;

/**
 * The developer's own machine: with {@code gateway.clients.loopback.require-key=false}
 * (the {@code local} profile of {@code mvn spring-boot:run}) a request needs no key when
 * it comes straight from the gateway's machine, as a curl does.
 * <p>
 * Straight from the machine means the TCP connection's peer is a loopback address, read
 * from Reactor Netty's connection, never from
 * {@link ServerHttpRequest#getRemoteAddress()}: with
 * {@code server.forward-headers-strategy} set, that is whatever a client wrote in
 * {@code X-Forwarded-For}. A request carrying any forwarding header came through a proxy,
 * and a proxy on the same machine would make the whole internet loopback; a request with
 * an {@code Origin} comes from a web page, which may be any site the developer visits.
 * Neither is exempt, and a request whose connection cannot be read is not either.
 */
final class LoopbackCallers {

	static final Client LOCAL = new Client("local", Client.Kind.LOCAL, null);

	/** What a proxy adds: Spring's and Reactor Netty's forwarded headers, and nginx's. */
	private static final String[] PROXY_HEADERS = { "Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
			"X-Forwarded-Port", "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Forwarded-Ssl", "X-Real-IP" };

	private LoopbackCallers() {
	}

	/** Whether this request came straight from the gateway's own machine. */
	static boolean isLocal(ServerHttpRequest request) {
		if (!(nativeRequest(request) instanceof HttpServerRequest connection)) {
			return false;
		}
		return isLocal(connection.connectionRemoteAddress(), connection.requestHeaders()::contains);
	}

	/**
	 * The rule itself: a loopback peer, and among the headers as received (before
	 * Spring's forwarded-header support removes them) none that names a proxy or a page.
	 */
	static boolean isLocal(@Nullable SocketAddress peer, Predicate<String> receivedHeader) {
		if (!(peer instanceof InetSocketAddress address) || address.isUnresolved()
				|| !address.getAddress().isLoopbackAddress()) {
			return false;
		}
		if (receivedHeader.test(HttpHeaders.ORIGIN)) {
			return false;
		}
		for (String header : PROXY_HEADERS) {
			if (receivedHeader.test(header)) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable Object nativeRequest(ServerHttpRequest request) {
		try {
			return ServerHttpRequestDecorator.getNativeRequest(request);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			// a request that no server received, as in a test
			return null;
		}
	}

	/**
	 * Requests from the gateway's own machine.
	 *
	 * @param requireKey whether a request straight from the gateway's machine (a loopback
	 * connection, no proxy's headers, no {@code Origin}) needs an API key like any other;
	 * {@code false} in the {@code local} profile only
	 */
	@ConfigurationProperties("gateway.clients.loopback")
	record Properties(@DefaultValue("true") boolean requireKey) {

	}

}
