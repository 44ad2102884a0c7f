package eu.tmall.gateway.upstream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An attempt's timeout on an event loop whose clock the tests move (Netty's
 * {@link EmbeddedChannel}, where the tests also play the loop's turns: a poll of the
 * sockets is a read written in, the timers that came due run when told). It blames the
 * upstream only for an answer that had not come when the loop last looked, never for one
 * that came while the loop was too busy to read it.
 */
class WireTimeoutTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final EmbeddedChannel channel = new EmbeddedChannel();

	{
		this.channel.freezeTime();
		this.channel.pipeline().addLast(WireTimeout.NAME, new WireTimeout(TIMEOUT));
	}

	@AfterEach
	void close() {
		this.channel.finishAndReleaseAll();
	}

	@Test
	void shouldFailAnAttemptWhoseUpstreamSentNothingWithinTheTimeout() {
		turn(TIMEOUT.minusMillis(1));
		assertThatNoException().isThrownBy(this.channel::checkException);
		assertThat(this.channel.isOpen()).isTrue();

		turn(Duration.ofMillis(1));
		turn(Duration.ofMillis(1));

		assertThatThrownBy(this.channel::checkException).isInstanceOf(WireTimeout.WireTimeoutException.class)
			.hasMessage("no answer within 2 s of the call being sent");
		assertThat(this.channel.isOpen()).as("the connection, not to be reused mid-answer").isFalse();
	}

	@Test
	void shouldNotBlameTheUpstreamForAnAnswerThatWaitedForABusyEventLoop() {
		// the loop was busy for 2.5 s: its timer runs late, before it polled again
		turn(Duration.ofMillis(2500));

		// its next poll reads the answer that was waiting
		this.channel.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\n", StandardCharsets.US_ASCII));
		turn(Duration.ofMillis(1));
		assertThatNoException().isThrownBy(this.channel::checkException);

		// and the exchange ends with it
		this.channel.pipeline().remove(WireTimeout.NAME);
		turn(TIMEOUT);

		assertThatNoException().isThrownBy(this.channel::checkException);
		assertThat(this.channel.isOpen()).isTrue();
	}

	@Test
	void shouldLookAgainWhileTheAnswerIsStillComingAndFailWhenItStops() {
		turn(TIMEOUT);
		for (int i = 0; i < 3; i++) {
			this.channel.writeInbound(Unpooled.copiedBuffer("part", StandardCharsets.US_ASCII));
			turn(Duration.ofMillis(1));
			assertThatNoException().isThrownBy(this.channel::checkException);
		}

		turn(Duration.ofMillis(1));

		assertThatThrownBy(this.channel::checkException).isInstanceOf(WireTimeout.WireTimeoutException.class);
	}

	@Test
	void shouldEndWithTheExchange() {
		turn(TIMEOUT.minusMillis(500));
		this.channel.pipeline().remove(WireTimeout.NAME);

		turn(TIMEOUT.multipliedBy(10));

		assertThatNoException().isThrownBy(this.channel::checkException);
		assertThat(this.channel.isOpen()).isTrue();
	}

	@Test
	void shouldStartBeforeTheHttpCodecAndReplaceAnEarlierExchangesTimeout() {
		EmbeddedChannel http = new EmbeddedChannel();
		http.pipeline().addLast(NettyPipeline.HttpCodec, new HttpClientCodec());
		Connection connection = Connection.from(http);

		WireTimeout.start(connection, TIMEOUT);
		WireTimeout.start(connection, TIMEOUT);

		assertThat(http.pipeline().names()).containsSubsequence(WireTimeout.NAME, NettyPipeline.HttpCodec)
			.containsOnlyOnce(WireTimeout.NAME);
		http.finishAndReleaseAll();
	}

	/** Time passes, then the loop runs the timers that came due. */
	private void turn(Duration duration) {
		this.channel.advanceTimeBy(duration.toNanos(), TimeUnit.NANOSECONDS);
		this.channel.runScheduledPendingTasks();
	}

}
