package eu.tmall.gateway.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests pipelined on one keep-alive connection are each answered, in order, and the
 * connection is read again after them, when some are refused before their body was read
 * (as a wrong media type, a missing key or a rate limit are) while the ones before them
 * still call the marketplaces. Requests sent in one write make the order certain. The
 * server's own race behind the hang of a widget's request after a 429 is
 * {@link KeepAliveTests}'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
class PipelinedRequestsTests {

	private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ");

	private static final String TYPENAME = "{\"query\":\"{ __typename }\"}";

	/** Only a hang reaches it: the answers take milliseconds. */
	private static final int GENEROUS_MS = 30_000;

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedUpstreams upstreams;

	@Test
	void shouldReadTheNextRequestAfterAQueuedOneRefusedBeforeItsBodyWasRead() throws IOException {
		try (Socket socket = connect()) {
			// the second is queued behind the first, which calls the marketplaces, then
			// refused as soon as it runs
			send(socket, post("application/json", product(0), false) + post("text/plain", TYPENAME, false));
			assertThat(List.of(readAnswer(socket), readAnswer(socket))).containsExactly("200", "415");

			send(socket, post("application/json", TYPENAME, true));
			assertThat(readAnswer(socket)).isEqualTo("200");
		}
	}

	private String product(int index) {
		return "{\"query\":\"{ product(gtin: \\\"%s\\\") { offers { id } } }\"}"
			.formatted(this.upstreams.catalog().sharedGtins().get(index));
	}

	private static String post(String contentType, String body, boolean last) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\nContent-Length: "
				+ bytes.length + "\r\n" + (last ? "Connection: close\r\n" : "") + "\r\n" + body;
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("localhost", this.port), GENEROUS_MS);
		socket.setSoTimeout(GENEROUS_MS);
		return socket;
	}

	private static void send(Socket socket, String requests) throws IOException {
		socket.getOutputStream().write(requests.getBytes(StandardCharsets.UTF_8));
		socket.getOutputStream().flush();
	}

	/** One whole answer, its body read to its Content-Length; its status. */
	private static String readAnswer(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		String head = HttpAnswers.head(in);
		Matcher status = STATUS_LINE.matcher(head);
		int length = HttpAnswers.contentLength(head);
		assertThat(status.find()).as(head).isTrue();
		assertThat(length).as(head).isNotNegative();
		in.readNBytes(length);
		return status.group(1);
	}

}
