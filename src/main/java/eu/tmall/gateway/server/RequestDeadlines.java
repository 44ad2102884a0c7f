package eu.tmall.gateway.server;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;

/**
 * The deadlines of one HTTP/1.1 connection's requests: the headers within
 * {@code header-timeout} of the request's first byte, the body within
 * {@code body-timeout} of the end of the headers. Each is one timer for the whole part,
 * so a client sending a byte at a time cannot stretch it. Reactor Netty's own timeouts do
 * not do this: its idle timeout starts again with every byte read and its read and
 * request timeouts start only once the headers are in.
 * <p>
 * Two handlers share the state, one on each side of the HTTP codec: before it, the bytes
 * that start a request; after it, the request's headers and its last content. Both run on
 * the connection's event loop, so the state needs no locking.
 */
final class RequestDeadlines {

	private static final String REQUEST_START = "gateway.requestStart";

	private static final String REQUEST_PROGRESS = "gateway.requestProgress";

	private final Duration headerTimeout;

	private final Duration bodyTimeout;

	private final ClosedConnections closed;

	/** Whether the next bytes read start a request (a new connection's first ones do). */
	private boolean betweenRequests = true;

	/** Whether a deadline has closed the connection. */
	private boolean expired;

	private @Nullable ScheduledFuture<?> deadline;

	private RequestDeadlines(ConnectionProperties properties, ClosedConnections closed) {
		this.headerTimeout = properties.headerTimeout();
		this.bodyTimeout = properties.bodyTimeout();
		this.closed = closed;
	}

	/**
	 * Adds the deadlines to a new connection's pipeline, which must hold Reactor Netty's
	 * HTTP/1.1 codec already.
	 */
	static void install(ChannelPipeline pipeline, ConnectionProperties properties, ClosedConnections closed) {
		RequestDeadlines deadlines = new RequestDeadlines(properties, closed);
		pipeline.addBefore(NettyPipeline.HttpCodec, REQUEST_START, deadlines.new RequestStart());
		pipeline.addAfter(NettyPipeline.HttpCodec, REQUEST_PROGRESS, deadlines.new RequestProgress());
	}

	private void start(ChannelHandlerContext ctx, Duration timeout, CloseReason reason) {
		cancel();
		this.deadline = ctx.executor().schedule(() -> expire(ctx, reason), timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	private void cancel() {
		if (this.deadline != null) {
			this.deadline.cancel(false);
			this.deadline = null;
		}
	}

	private void expire(ChannelHandlerContext ctx, CloseReason reason) {
		this.deadline = null;
		if (!ctx.channel().isActive()) {
			return;
		}
		this.expired = true;
		this.closed.record(reason);
		ctx.channel().close();
	}

	/**
	 * Sees the raw bytes: the first ones read between requests start the headers' clock.
	 */
	private final class RequestStart extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (RequestDeadlines.this.betweenRequests && msg instanceof ByteBuf bytes && bytes.isReadable()) {
				RequestDeadlines.this.betweenRequests = false;
				start(ctx, RequestDeadlines.this.headerTimeout, CloseReason.HEADER_TIMEOUT);
			}
			ctx.fireChannelRead(msg);
		}

	}

	/**
	 * Sees the decoded request: its headers stop the headers' clock and start the body's,
	 * its last content stops that. It also counts the connections Reactor Netty's idle
	 * timeout closes, whose event passes here.
	 */
	private final class RequestProgress extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (RequestDeadlines.this.expired) {
				// the codec's last word on half a request: Reactor Netty would log it
				// as a decoding failure, with the request line, once per connection
				ReferenceCountUtil.release(msg);
				return;
			}
			if (msg instanceof HttpRequest) {
				start(ctx, RequestDeadlines.this.bodyTimeout, CloseReason.BODY_TIMEOUT);
			}
			if (msg instanceof LastHttpContent) {
				cancel();
				RequestDeadlines.this.betweenRequests = true;
			}
			ctx.fireChannelRead(msg);
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
			if (event instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE) {
				RequestDeadlines.this.closed.record(CloseReason.IDLE);
			}
			ctx.fireUserEventTriggered(event);
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			cancel();
			ctx.fireChannelInactive();
		}

	}

}
