package eu.tmall.gateway.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 answers read off a raw socket, one at a time, for tests that speak to the
 * server below any client library.
 */
final class HttpAnswers {

	private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\ncontent-length: *(\\d+)");

	private HttpAnswers() {
	}

	/** The next answer's head, to its blank line. */
	static String head(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int next = in.read();
			if (next < 0) {
				throw new EOFException("the server closed the connection after: " + head);
			}
			head.append((char) next);
		}
		return head.toString();
	}

	/** The head's Content-Length; -1 without one. */
	static int contentLength(String head) {
		Matcher length = CONTENT_LENGTH.matcher(head.toLowerCase(Locale.ROOT));
		return length.find() ? Integer.parseInt(length.group(1)) : -1;
	}

}
