package eu.tmall.gateway.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} (Debian's) for a test class, on a free port of 127.0.0.1,
 * without persistence, stopped by its PID; tests stop and start it again to play an
 * outage. Register it as a static field with {@code @RegisterExtension}.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {

	private static final Path EXECUTABLE = Path.of("/usr/bin/redis-server");

	private static final String READY = "Ready to accept connections";

	private int port;

	private @Nullable Path directory;

	private @Nullable Process process;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		if (!Files.isExecutable(EXECUTABLE)) {
			throw new IllegalStateException(EXECUTABLE + " is missing: apt-get install -y redis-server");
		}
		this.port = freePort();
		this.directory = Files.createTempDirectory("redis-test");
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/** {@code redis://127.0.0.1:<port>}, the same across a stop and a start. */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/** Starts the server and returns once it accepts connections. */
	public void start() {
		List<String> command = List.of(EXECUTABLE.toString(), "--port", Integer.toString(this.port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", String.valueOf(this.directory));
		try {
			Process started = new ProcessBuilder(command).redirectErrorStream(true).start();
			this.process = started;
			awaitReady(started);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts it again after a test that stopped it failed before it could. */
	public void startIfStopped() {
		if (this.process == null) {
			start();
		}
	}

	/** Stops the server by its PID (SIGTERM) and waits for it to be gone. */
	public void stop() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		this.process = null;
		running.destroy();
		try {
			if (!running.waitFor(10, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Reads the server's output until it says it is ready, then drains the rest on a
	 * daemon thread so that a full pipe never blocks it.
	 */
	private static void awaitReady(Process started) {
		BufferedReader output = new BufferedReader(
				new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder seen = new StringBuilder();
		CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> readUntilReady(output, seen));
		try {
			if (!ready.get(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("redis-server exited before it was ready:\n" + seen);
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			started.destroyForcibly();
			throw new IllegalStateException("redis-server did not get ready:\n" + seen, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		Thread drain = new Thread(() -> drain(output), "redis-server-output");
		drain.setDaemon(true);
		drain.start();
	}

	private static void drain(BufferedReader output) {
		try {
			while (output.readLine() != null) {
				// nothing to keep: the pipe only has to stay open
			}
		}
		catch (IOException ex) {
			// the server is gone, and its output with it
		}
	}

	private static boolean readUntilReady(BufferedReader output, StringBuilder seen) {
		try {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				seen.append(line).append('\n');
				if (line.contains(READY)) {
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
