package eu.tmall.gateway.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A client connection at the level of bytes, for what an HTTP client library will not do:
 * connect and send nothing, send a request a byte at a time or never finish it.
 */
final class RawConnection implements AutoCloseable {

	private final Socket socket;

	private RawConnection(Socket socket) {
		this.socket = socket;
	}

	static RawConnection open(int port) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("localhost", port), 5_000);
		return new RawConnection(socket);
	}

	/**
	 * A fresh connection's one request, {@code Connection: close}, and its whole answer.
	 */
	static String exchange(int port, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		try (RawConnection connection = open(port)) {
			connection.send("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n");
			connection.socket.getOutputStream().write(body);
			connection.socket.setSoTimeout(10_000);
			return new String(connection.socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	void send(String text) throws IOException {
		OutputStream out = this.socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	/**
	 * Reads until the gateway closes the connection (an end of stream or a reset), by
	 * {@code deadline} at the latest, and returns whether it did.
	 */
	boolean closedBy(Instant deadline) throws IOException {
		InputStream in = this.socket.getInputStream();
		try {
			while (true) {
				long left = Duration.between(Instant.now(), deadline).toMillis();
				if (left <= 0) {
					return false;
				}
				this.socket.setSoTimeout((int) left);
				if (in.read() < 0) {
					return true;
				}
			}
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (SocketException ex) {
			return true;
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
