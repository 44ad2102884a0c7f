package eu.tmall.gateway.server;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * Applies {@code gateway.server.connections} to the public server: Reactor Netty's idle
 * timeout, the gateway's own deadlines for a request's headers and body
 * ({@link RequestDeadlines}), and the cap on open connections, over which a new
 * connection is closed as soon as it is accepted (so it holds a file for no longer than
 * that).
 */
@Component
class ConnectionLimits implements NettyServerCustomizer {

	/** {@code gateway_connections_open} in Prometheus. */
	static final String OPEN = "gateway.connections.open";

	private final ConnectionProperties properties;

	private final ClosedConnections closed;

	private final AtomicInteger open = new AtomicInteger();

	ConnectionLimits(ConnectionProperties properties, ClosedConnections closed, MeterRegistry registry) {
		FileLimit.requireRoomFor(properties.maxConnections());
		this.properties = properties;
		this.closed = closed;
		Gauge.builder(OPEN, this.open, AtomicInteger::get)
			.description("Connections open on the public port")
			.register(registry);
	}

	@Override
	public HttpServer apply(HttpServer server) {
		if (!List.of(server.configuration().protocols()).equals(List.of(HttpProtocol.HTTP11))) {
			throw new IllegalStateException("the request deadlines of gateway.server.connections need HTTP/1.1 "
					+ "alone: leave server.http2.enabled off");
		}
		return server.idleTimeout(this.properties.idleTimeout())
			.doOnChannelInit((observer, channel, remoteAddress) -> admit(channel));
	}

	private void admit(Channel channel) {
		if (this.open.incrementAndGet() > this.properties.maxConnections()) {
			this.open.decrementAndGet();
			this.closed.record(CloseReason.OVER_CAPACITY);
			channel.close();
			return;
		}
		channel.closeFuture().addListener(closing -> this.open.decrementAndGet());
		RequestDeadlines.install(channel.pipeline(), this.properties, this.closed);
	}

}
