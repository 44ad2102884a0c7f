package eu.tmall.gateway.embedded;

import java.time.Duration;
import java.util.function.IntFunction;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;

/**
 * The embedded Tmall Europe and AliExpress upstreams: two in-process WireMock servers
 * whose single catch-all stub answers from the catalog. Stubs that tests add win over it,
 * so tests can inject faults; the request journal keeps the latest requests for counting.
 */
public final class EmbeddedUpstreams implements AutoCloseable {

	// lower than any stub a test adds (WireMock's default priority is 5)
	private static final int CATALOG_PRIORITY = 100;

	// delayed responses are written with blocking I/O: a slow reader must not stall
	// others
	private static final int RESPONSE_THREADS = 16;

	private WireMockServer tmall;

	private WireMockServer aliExpress;

	private final IntFunction<WireMockServer> tmallOnPort;

	private final IntFunction<WireMockServer> aliExpressOnPort;

	// where a stopped server comes back, so clients configured with its URL find it
	private int tmallPort;

	private int aliExpressPort;

	private final EmbeddedCatalog catalog;

	private final ResponseLatency latency;

	private EmbeddedUpstreams(IntFunction<WireMockServer> tmallOnPort, IntFunction<WireMockServer> aliExpressOnPort,
			EmbeddedUpstreamsSettings settings, EmbeddedCatalog catalog, ResponseLatency latency) {
		this.tmallOnPort = tmallOnPort;
		this.aliExpressOnPort = aliExpressOnPort;
		this.tmall = tmallOnPort.apply(settings.tmallPort());
		this.aliExpress = aliExpressOnPort.apply(settings.aliExpressPort());
		this.catalog = catalog;
		this.latency = latency;
	}

	/**
	 * Starts both servers, each on its port or on a random free one for port 0.
	 * @param settings ports, latency and credentials
	 * @param catalog what the servers sell
	 * @return the running upstreams, to be closed
	 */
	public static EmbeddedUpstreams start(EmbeddedUpstreamsSettings settings, EmbeddedCatalog catalog) {
		ResponseLatency latency = new ResponseLatency(settings.latency());
		JsonResponses responses = new JsonResponses(latency);
		IntFunction<WireMockServer> tmall = port -> server(port, settings.journalEntries(),
				new TmallEuropeTransformer(new TmallEuropeApi(catalog),
						new SignatureVerifier(settings.verifySignatures(), settings.tmall()), responses));
		IntFunction<WireMockServer> aliExpress = port -> server(port, settings.journalEntries(),
				new AliExpressTransformer(new AliExpressApi(catalog),
						new SignatureVerifier(settings.verifySignatures(), settings.aliExpress()), responses));
		EmbeddedUpstreams upstreams = new EmbeddedUpstreams(tmall, aliExpress, settings, catalog, latency);
		try {
			upstreams.tmall.start();
			upstreams.aliExpress.start();
		}
		catch (RuntimeException ex) {
			upstreams.close();
			throw ex;
		}
		upstreams.serveCatalog();
		return upstreams;
	}

	/**
	 * WireMock trims its journal by walking every entry on every request, so the journal
	 * stays short, and load tests switch it off with 0 entries. It stops at once: Jetty's
	 * graceful stop waits a second for the gateway's pooled connections, which never
	 * close on their own, so every stop (each test context's, or a test's outage) cost a
	 * second.
	 */
	private static WireMockServer server(int port, int journalEntries, Extension transformer) {
		WireMockConfiguration options = WireMockConfiguration.options()
			.port(port)
			.notifier(new Slf4jNotifier(false))
			.asynchronousResponseEnabled(true)
			.asynchronousResponseThreads(RESPONSE_THREADS)
			.gzipDisabled(true)
			.jettyStopTimeout(0L)
			.extensions(transformer);
		return new WireMockServer((journalEntries == 0) ? options.disableRequestJournal()
				: options.maxRequestJournalEntries(journalEntries));
	}

	/**
	 * {@code http://localhost:<port>}; clients call {@code {base}/rest/products/get} etc.
	 */
	public String tmallBaseUrl() {
		return "http://localhost:" + this.tmall.port();
	}

	/** {@code http://localhost:<port>}; clients post to {@code {base}/sync}. */
	public String aliExpressBaseUrl() {
		return "http://localhost:" + this.aliExpress.port();
	}

	/**
	 * The Tmall Europe server, for counting requests and adding stubs that inject faults.
	 */
	public WireMockServer tmallServer() {
		return this.tmall;
	}

	/**
	 * The AliExpress server, for counting requests and adding stubs that inject faults.
	 */
	public WireMockServer aliExpressServer() {
		return this.aliExpress;
	}

	/** The catalog both servers answer from. */
	public EmbeddedCatalog catalog() {
		return this.catalog;
	}

	/** Changes the delay of every later response; {@link Duration#ZERO} for none. */
	public void setLatency(Duration latency) {
		this.latency.set(latency);
	}

	/**
	 * Freezes both servers for a while: every call that arrives before the freeze ends is
	 * answered as it ends (or after the latency, if that is later), as a platform that
	 * stalls and then catches up would. Calls answered before the freeze are not held.
	 * @param freeze how long, from now
	 * @return when it ends, on {@link System#nanoTime()}'s scale
	 */
	public long freeze(Duration freeze) {
		return this.latency.freeze(freeze);
	}

	/**
	 * Stops the Tmall Europe server, so calls to it are refused, until {@link #reset()}.
	 */
	public void stopTmall() {
		this.tmallPort = this.tmall.port();
		stop(this.tmall);
	}

	/**
	 * Stops the AliExpress server, so calls to it are refused, until {@link #reset()}.
	 */
	public void stopAliExpress() {
		this.aliExpressPort = this.aliExpress.port();
		stop(this.aliExpress);
	}

	/**
	 * Forgets recorded requests and stubs that tests added, and serves the catalog again,
	 * also after a test called {@link WireMockServer#resetAll()}; a stopped server is
	 * started anew on its port (a WireMock server cannot be started twice: its stop ends
	 * the threads that write delayed answers).
	 */
	public void reset() {
		if (!this.tmall.isRunning()) {
			this.tmall = restart(this.tmallPort, this.tmallOnPort);
		}
		if (!this.aliExpress.isRunning()) {
			this.aliExpress = restart(this.aliExpressPort, this.aliExpressOnPort);
		}
		for (WireMockServer server : new WireMockServer[] { this.tmall, this.aliExpress }) {
			server.resetAll();
		}
		serveCatalog();
	}

	private static WireMockServer restart(int port, IntFunction<WireMockServer> onPort) {
		WireMockServer server = onPort.apply(port);
		server.start();
		return server;
	}

	private void serveCatalog() {
		serveCatalog(this.tmall, TmallEuropeTransformer.NAME);
		serveCatalog(this.aliExpress, AliExpressTransformer.NAME);
	}

	private static void serveCatalog(WireMockServer server, String transformer) {
		server.stubFor(WireMock.any(WireMock.anyUrl())
			.atPriority(CATALOG_PRIORITY)
			.willReturn(WireMock.aResponse().withTransformers(transformer)));
	}

	@Override
	public void close() {
		stop(this.tmall);
		stop(this.aliExpress);
	}

	private static void stop(WireMockServer server) {
		if (server.isRunning()) {
			server.stop();
		}
	}

}
