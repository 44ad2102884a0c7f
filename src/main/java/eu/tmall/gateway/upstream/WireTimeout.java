package eu.tmall.gateway.upstream;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;

/**
 * One attempt's timeout, counted on the wire: from the moment the request has been
 * written to the connection until the answer's last byte. The time a call spent inside
 * the gateway before (waiting for a bulkhead slot, a pooled connection, its event loop, a
 * CPU) is the gateway's, and does not count.
 * <p>
 * Nor does a stall of the gateway's own after it. An event loop that was busy when the
 * answer came has not read it yet when the time is up, and a timer alone would blame the
 * upstream for the gateway's lateness. So when the time is up the handler looks again
 * only after the event loop has polled its sockets once more (a Netty event loop reads
 * what is ready before it runs the timers that came due): if that poll brought more of
 * the answer, the upstream is still talking, and it looks again after the next poll; only
 * when a poll brings nothing is the upstream silent, and the attempt fails with a
 * {@link WireTimeoutException}, which the circuit breaker counts.
 */
final class WireTimeout extends ChannelInboundHandlerAdapter {

	static final String NAME = "gateway.wireTimeout";

	// any delay puts the second look after the event loop's next poll; a short one keeps
	// a real timeout from growing
	private static final long SECOND_LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private final Duration timeout;

	private long reads;

	private long readsWhenDue;

	private @Nullable ScheduledFuture<?> timer;

	WireTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * Starts the timeout of the exchange just sent on the connection; it ends with the
	 * exchange. Placed before the HTTP codec, it sees every read, even one that does not
	 * yet complete a part of the answer.
	 */
	static void start(Connection connection, Duration timeout) {
		ChannelPipeline pipeline = connection.channel().pipeline();
		if (pipeline.get(NAME) != null) {
			pipeline.remove(NAME);
		}
		WireTimeout handler = new WireTimeout(timeout);
		if (pipeline.get(NettyPipeline.HttpCodec) != null) {
			pipeline.addBefore(NettyPipeline.HttpCodec, NAME, handler);
		}
		else {
			pipeline.addFirst(NAME, handler);
		}
		connection.onTerminate()
			.subscribe(null, ex -> handler.removeFrom(pipeline), () -> handler.removeFrom(pipeline));
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.timer = ctx.executor().schedule(() -> due(ctx), this.timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	@Override
	public void handlerRemoved(ChannelHandlerContext ctx) {
		stop();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		stop();
		super.channelInactive(ctx);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
		this.reads++;
		super.channelRead(ctx, msg);
	}

	private void due(ChannelHandlerContext ctx) {
		this.readsWhenDue = this.reads;
		this.timer = ctx.executor().schedule(() -> secondLook(ctx), SECOND_LOOK_NANOS, TimeUnit.NANOSECONDS);
	}

	private void secondLook(ChannelHandlerContext ctx) {
		if (this.reads != this.readsWhenDue) {
			due(ctx);
			return;
		}
		this.timer = null;
		ctx.fireExceptionCaught(new WireTimeoutException(this.timeout));
		ctx.close();
	}

	private void stop() {
		ScheduledFuture<?> pending = this.timer;
		this.timer = null;
		if (pending != null) {
			pending.cancel(false);
		}
	}

	private void removeFrom(ChannelPipeline pipeline) {
		try {
			if (pipeline.context(this) != null) {
				pipeline.remove(this);
			}
		}
		catch (NoSuchElementException ex) {
			// removed in between, with its channel
		}
	}

	/** The upstream sent no more of its answer once the attempt's timeout was up. */
	static final class WireTimeoutException extends RuntimeException {

		WireTimeoutException(Duration timeout) {
			super("no answer within " + RetryAfter.describe(timeout) + " of the call being sent", null, false, false);
		}

	}

}
