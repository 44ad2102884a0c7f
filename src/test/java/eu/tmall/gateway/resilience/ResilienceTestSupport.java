package eu.tmall.gateway.resilience;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import eu.tmall.gateway.MutableClockConfiguration;
import eu.tmall.gateway.MutableClockConfiguration.MutableClock;
import eu.tmall.gateway.catalog.MarketplaceCatalog;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import eu.tmall.gateway.upstream.CachingMarketplaceCatalog;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamChannels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One gateway for every resilience test, so they share a Spring context: timeouts short
 * enough to keep the suite fast, yet long enough that a healthy call on a saturated
 * two-core machine (load average 30) is not cut (an attempt 2 s, a call 4 s; only the
 * faults that wait for a timeout pay them), a breaker that opens after five failed calls
 * and stays open until a test moves it on (so no test depends on how fast the machine
 * runs it; {@link BreakerRecoveryTests} has the timer), and a clock the tests move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"gateway.embedded.latency=0ms", "gateway.upstreams.tmall.timeout=2s", "gateway.upstreams.tmall.deadline=4s",
		"gateway.upstreams.tmall.retry.initial-backoff=50ms", "gateway.upstreams.tmall.retry.jitter=0.2",
		"gateway.upstreams.tmall.breaker.window=10s", "gateway.upstreams.tmall.breaker.minimum-calls=5",
		"gateway.upstreams.tmall.breaker.wait-in-open=1h", "gateway.upstreams.tmall.breaker.half-open-calls=1",
		"gateway.upstreams.tmall.max-response-size=256KB", "gateway.upstreams.aliexpress.timeout=2s",
		"gateway.upstreams.aliexpress.deadline=4s", "gateway.upstreams.aliexpress.retry.initial-backoff=50ms",
		"gateway.upstreams.aliexpress.retry.jitter=0.2", "gateway.upstreams.aliexpress.breaker.window=10s",
		"gateway.upstreams.aliexpress.breaker.minimum-calls=5", "gateway.upstreams.aliexpress.breaker.wait-in-open=1h",
		"gateway.upstreams.aliexpress.breaker.half-open-calls=1",
		"gateway.upstreams.aliexpress.max-response-size=256KB", "gateway.cache.offers.ttl=5m",
		"gateway.cache.offers.max-stale=1h" })
@Import(MutableClockConfiguration.class)
abstract class ResilienceTestSupport {

	static final Duration DEADLINE = Duration.ofSeconds(4);

	/**
	 * What a test allows past the deadline: the gateway's own work, on a machine so busy
	 * that it takes a second; a fault that outlived the deadline would wait far longer.
	 */
	static final Duration SLACK = Duration.ofSeconds(1);

	static final String PRODUCT = """
			query($gtin: GTIN!, $shipTo: CountryCode!) {
			  product(gtin: $gtin, shipTo: $shipTo) { gtin offers { id marketplace stale price { amount } delivery { label } } }
			}""";

	static final String FREIGHT = """
			query($gtin: GTIN!, $shipTo: CountryCode!) {
			  product(gtin: $gtin, shipTo: $shipTo) { gtin offers { marketplace price { amount } shippingOptions { service } } }
			}""";

	static final String NODES = """
			query($a: ID!, $b: ID!) {
			  a: node(id: $a) { ... on Offer { marketplace price { amount } } }
			  b: node(id: $b) { ... on Offer { marketplace price { amount } } }
			}""";

	static final String SEARCH = """
			query($query: String!, $shipTo: CountryCode!) {
			  search(query: $query, shipTo: $shipTo, first: 10) { edges { node { gtin offers { marketplace } } } }
			}""";

	private static final Configuration JSON = Configuration.defaultConfiguration()
		.addOptions(Option.SUPPRESS_EXCEPTIONS);

	@Autowired
	EmbeddedUpstreams upstreams;

	@Autowired
	UpstreamChannels channels;

	@Autowired
	List<MarketplaceCatalog> catalogs;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	WebTestClient http;

	/** Actuator's port. */
	WebTestClient management;

	private static boolean warm;

	@BeforeEach
	void connect() {
		this.http = client(this.port);
		this.management = client(this.managementPort);
		recover();
		warmUp();
	}

	private static WebTestClient client(int port) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * Answers every query kind a few times first: a cold JVM on a busy machine takes
	 * longer than an attempt to search the embedded catalog.
	 */
	private void warmUp() {
		if (warm) {
			return;
		}
		for (int i = 0; i < 5; i++) {
			query(SEARCH, Map.of("query", "headphones", "shipTo", "DE"));
			query(FREIGHT, Map.of("gtin", sharedGtin(i), "shipTo", "DE"));
			recover();
		}
		warm = true;
	}

	@AfterEach
	void recoverAfterwards() {
		recover();
	}

	/** Every upstream up and serving its catalog, breakers closed, caches empty. */
	void recover() {
		this.upstreams.reset();
		this.upstreams.setLatency(Duration.ZERO);
		for (Upstream upstream : Upstream.values()) {
			this.channels.resilience(upstream).breaker().reset();
		}
		this.catalogs.forEach(catalog -> {
			if (catalog instanceof CachingMarketplaceCatalog caching) {
				caching.invalidateAll();
			}
		});
		this.clock.set(eu.tmall.gateway.FixedClockConfiguration.NOW);
	}

	Answer query(String document, Map<String, Object> variables) {
		long started = System.nanoTime();
		String body = this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", document, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return new Answer(JsonPath.using(JSON).parse(body), Duration.ofNanos(System.nanoTime() - started), body);
	}

	String sharedGtin(int index) {
		return this.upstreams.catalog().sharedGtins().get(index);
	}

	/** A GraphQL answer, how long it took, and its text for failure messages. */
	record Answer(DocumentContext json, Duration took, String body) {

		List<Map<String, Object>> errors() {
			List<Map<String, Object>> errors = this.json.read("$.errors");
			return (errors != null) ? errors : List.of();
		}

		<T> T read(String path) {
			return this.json.read(path);
		}

		@Override
		public String toString() {
			return this.body;
		}

	}

}
