package eu.tmall.gateway.access;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 over a plain socket, the request target sent exactly as written: every HTTP
 * client library normalises or escapes a path, which is what an attacker does not do.
 */
final class RawHttp {

	private RawHttp() {
	}

	static Response post(int port, String target, Map<String, String> headers, byte[] body) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\n");
			head.append("Host: 127.0.0.1:").append(port).append("\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			// a server that refuses early closes while the body is still being sent: read
			// its answer meanwhile
			CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(out, body));
			Response response = receive(socket.getInputStream());
			sending.handle((done, ex) -> null).join();
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads until the response is complete: a server that closes with the request body
	 * unread resets the connection, which may come right after its answer.
	 */
	private static Response receive(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		while (true) {
			Response response = Response.parseIfComplete(received.toByteArray(), false);
			if (response != null) {
				return response;
			}
			int read;
			try {
				read = in.read(buffer);
			}
			catch (SocketException ex) {
				read = -1;
			}
			if (read < 0) {
				return Response.parseIfComplete(received.toByteArray(), true);
			}
			received.write(buffer, 0, read);
		}
	}

	private static void send(OutputStream out, byte[] body) {
		try {
			out.write(body);
			out.flush();
		}
		catch (IOException ex) {
			// the server answered and closed before reading it all
		}
	}

	/** A response: its status, headers (names in lower case) and decoded body. */
	record Response(int status, Map<String, String> headers, String body) {

		/**
		 * The response, once all of it is there; at the end of the stream, what there is.
		 */
		static @Nullable Response parseIfComplete(byte[] raw, boolean ended) {
			String text = new String(raw, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			if (end < 0) {
				if (ended) {
					throw new IllegalStateException("the connection ended without a response: " + text);
				}
				return null;
			}
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
			byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
			boolean chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
			String length = headers.get("content-length");
			boolean complete = ended || (chunked && text.endsWith("0\r\n\r\n"))
					|| (length != null && body.length >= Integer.parseInt(length));
			if (!complete) {
				return null;
			}
			body = chunked ? dechunk(body) : body;
			return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
		}

		private static byte[] dechunk(byte[] chunked) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			int position = 0;
			while (position < chunked.length) {
				int lineEnd = indexOfCrLf(chunked, position);
				String sizeLine = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1);
				int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
				if (size == 0) {
					break;
				}
				body.write(chunked, lineEnd + 2, size);
				position = lineEnd + 2 + size + 2;
			}
			return body.toByteArray();
		}

		private static int indexOfCrLf(byte[] bytes, int from) {
			for (int i = from; i < bytes.length - 1; i++) {
				if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
					return i;
				}
			}
			throw new IllegalStateException("a chunk size line without its end");
		}

	}

}
