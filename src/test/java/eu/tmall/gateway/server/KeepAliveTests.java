package eu.tmall.gateway.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's HTTP server, Reactor Netty, keeps reading a keep-alive connection after a
 * request that came in while the one before it was still finishing, and that was then
 * answered at once. Reactor Netty 1.3.6 did not (reactor-netty#4347): the connection's
 * next request was never read, and its client waited until it gave up. In the gateway a
 * widget's request after a 429 hung so on a busy machine, where a response is often
 * received before the server has finished with it. Here the first handler finishes on
 * purpose after its response went out.
 */
class KeepAliveTests {

	/** Only a hang reaches it: every answer here takes milliseconds. */
	private static final int GENEROUS_MS = 30_000;

	private final DisposableServer server = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.handle((request, response) -> switch (request.uri()) {
			// the whole answer (no body) goes out first, the handler ends a second later:
			// time for the client's next request to arrive before it, however busy the
			// machine (a shorter delay let the race pass unseen on a loaded one)
			case "/finishes-late" -> response.header("Content-Length", "0")
				.sendHeaders()
				.then()
				.then(Mono.delay(Duration.ofSeconds(1)))
				.then();
			default -> response.sendString(Mono.just("ok")).then();
		})
		.bindNow();

	@AfterEach
	void stop() {
		this.server.disposeNow();
	}

	@Test
	void shouldReadTheRequestAfterOneAnsweredAtOnceWhileThePreviousWasFinishing() throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.server.port()), GENEROUS_MS);
			socket.setSoTimeout(GENEROUS_MS);

			send(socket, "/finishes-late");
			assertThat(statusLine(socket)).startsWith("HTTP/1.1 200");
			send(socket, "/at-once");
			assertThat(statusLine(socket)).startsWith("HTTP/1.1 200");
			send(socket, "/next");
			assertThat(statusLine(socket)).startsWith("HTTP/1.1 200");
		}
	}

	private static void send(Socket socket, String path) throws IOException {
		socket.getOutputStream()
			.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
	}

	/** Reads one answer's head and whatever body its Content-Length gives. */
	private static String statusLine(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		String head = HttpAnswers.head(in);
		int length = HttpAnswers.contentLength(head);
		if (length >= 0) {
			in.readNBytes(length);
		}
		return head.substring(0, head.indexOf("\r\n"));
	}

}
