package eu.tmall.gateway.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import eu.tmall.gateway.upstream.HalfOpenProbe;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamChannels;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The breakers with the production timeouts and breaker settings (but a wait in open of 2
 * s), the caches off so every request calls both upstreams: they recover on their own,
 * readiness with them, without a request; and a freeze of both upstreams under 64 clients
 * fails only the requests that were caught in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.cache.enabled=false", "gateway.embedded.latency=20ms",
				"gateway.upstreams.tmall.breaker.wait-in-open=2s",
				"gateway.upstreams.aliexpress.breaker.wait-in-open=2s" })
class BreakerRecoveryTests {

	private static final String PRODUCT = """
			query($gtin: GTIN!) {
			  product(gtin: $gtin, shipTo: "DE") { gtin offers { marketplace price { amount } } }
			}""";

	private static final Configuration JSON = Configuration.defaultConfiguration()
		.addOptions(Option.SUPPRESS_EXCEPTIONS);

	/** Far longer than any of it takes on the busiest machine: only a hang reaches it. */
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final Duration FREEZE = Duration.ofMillis(2500);

	private static final int CLIENTS = 64;

	// each client's pause between an answer and its next request, which keeps the load
	// (some 250 requests a second) below what a busy two-core machine serves: a healthy
	// call must not wait seconds for a CPU
	private static final Duration THINK = Duration.ofMillis(200);

	private static final int WARM_UP = 400;

	@Autowired
	EmbeddedUpstreams upstreams;

	@Autowired
	UpstreamChannels channels;

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	// the breakers' listeners outlive a test instance: one set for the class's context
	private static final Queue<Transition> transitions = new ConcurrentLinkedQueue<>();

	private static boolean listening;

	@BeforeEach
	void recordTransitions() {
		transitions.clear();
		if (listening) {
			return;
		}
		for (Upstream upstream : Upstream.values()) {
			breaker(upstream).getEventPublisher()
				.onStateTransition(event -> transitions.add(new Transition(upstream, event.getStateTransition())));
		}
		listening = true;
	}

	@AfterEach
	void recover() {
		this.upstreams.reset();
		for (Upstream upstream : Upstream.values()) {
			breaker(upstream).reset();
		}
	}

	@Test
	void shouldBecomeReadyAgainWithoutARequestOnceBothUpstreamsRecover() {
		this.upstreams.stopTmall();
		this.upstreams.stopAliExpress();
		WebClient gateway = WebClient.create("http://localhost:" + this.port);
		for (int i = 0; i < 100 && !bothOpen(); i++) {
			query(gateway, sharedGtin(i)).block(PATIENCE);
		}
		assertThat(bothOpen()).as("both breakers open").isTrue();

		// still down: each breaker turns half-open on its timer, its trial calls fail
		await().atMost(PATIENCE).until(() -> reopened(Upstream.TMALL_EUROPE) && reopened(Upstream.ALIEXPRESS));
		assertThat(readiness()).isNotEqualTo("UP");

		this.upstreams.reset();
		await().atMost(PATIENCE).until(() -> "UP".equals(readiness()));

		for (Upstream upstream : Upstream.values()) {
			assertThat(breaker(upstream).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		}
		int tmallCalls = this.upstreams.tmallServer()
			.countRequestsMatching(anyRequestedFor(anyUrl()).build())
			.getCount();
		int aliExpressCalls = this.upstreams.aliExpressServer()
			.countRequestsMatching(anyRequestedFor(anyUrl()).build())
			.getCount();
		assertThat(tmallCalls).as("calls to Tmall Europe since it recovered")
			.isPositive()
			.isEqualTo(this.upstreams.tmallServer()
				.countRequestsMatching(getRequestedFor(urlPathEqualTo("/rest/products/gtin/get"))
					.withQueryParam("gtins", equalTo(HalfOpenProbe.GTIN))
					.build())
				.getCount());
		assertThat(aliExpressCalls).as("calls to AliExpress since it recovered")
			.isPositive()
			.isEqualTo(this.upstreams.aliExpressServer()
				.countRequestsMatching(postRequestedFor(urlPathEqualTo("/sync"))
					.withFormParam("ean_codes", equalTo(HalfOpenProbe.GTIN))
					.build())
				.getCount());
	}

	/**
	 * The gateway is warmed first, by a few clients and then by all 64 until its answers
	 * are complete: a cold JVM on a busy machine answers its first requests in seconds
	 * (making ready mean warm is another matter). Only the requests sent after that are
	 * judged, each by when it was sent and answered against when the upstreams froze and
	 * thawed.
	 */
	@Test
	void shouldFailOnlyTheRequestsCaughtInAFreezeAndAnswerNormallyRightAfterIt() {
		ConnectionProvider connections = ConnectionProvider.create("freeze-clients", CLIENTS);
		LoopResources loops = LoopResources.create("freeze-clients", 1, true);
		WebClient gateway = WebClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections).runOn(loops)))
			.build();
		List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean stop = new AtomicBoolean();
		Flux.range(0, WARM_UP).flatMap(i -> query(gateway, sharedGtin(i)), 8).then().block(PATIENCE);
		Mono<Void> load = Flux.range(0, CLIENTS)
			.flatMap(client -> client(gateway, client, exchanges, stop), CLIENTS)
			.then()
			.cache();
		load.subscribe();
		try {
			// enough successful calls in each breaker's window (10 s) that the freeze's
			// burst
			// of timeouts, one per client at most, is the smaller part of it, however
			// slow
			// the machine
			await().atMost(PATIENCE)
				.until(() -> completeSince(exchanges, System.nanoTime() - Duration.ofSeconds(5).toNanos()) >= 3
						* CLIENTS && lastAllComplete(exchanges, 2 * CLIENTS));
			long measuredFrom = System.nanoTime();
			transitions.clear();

			long frozenAt = System.nanoTime();
			long thawedAt = this.upstreams.freeze(FREEZE);
			long settledAt = thawedAt + Duration.ofSeconds(1).toNanos();
			await().atMost(PATIENCE).until(() -> sentSince(exchanges, settledAt).size() >= 2 * CLIENTS);
			stop.set(true);
			load.block(PATIENCE);
			List<Exchange> judged = sentSince(exchanges, measuredFrom);
			System.out.printf("freeze of %s under %d clients: %d requests judged, %d failed, %d sent after it%n",
					FREEZE, CLIENTS, judged.size(), judged.stream().filter(Exchange::failed).count(),
					sentSince(judged, thawedAt).size());

			assertThat(transitions).as("breaker transitions").isEmpty();
			assertThat(judged).as("requests held by the freeze until it ended").anySatisfy(exchange -> {
				assertThat(exchange.sent()).isBetween(frozenAt, thawedAt);
				assertThat(exchange.answered()).isGreaterThan(thawedAt);
			});
			assertThat(judged.stream().filter(Exchange::failed))
				.as("requests that failed, of %d sent from %d; the freeze from %d to %d", judged.size(), measuredFrom,
						frozenAt, thawedAt)
				.allSatisfy(exchange -> {
					assertThat(exchange.overlaps(frozenAt, thawedAt)).as(exchange.toString()).isTrue();
					assertThat(exchange.codes()).as(exchange.toString()).containsOnly("UPSTREAM_TIMEOUT");
				});
			assertThat(sentSince(judged, thawedAt)).as("requests sent after the freeze")
				.isNotEmpty()
				.allSatisfy(exchange -> assertThat(exchange.complete()).as(exchange.toString()).isTrue());
		}
		finally {
			stop.set(true);
			load.block(PATIENCE);
			connections.dispose();
			loops.dispose();
		}
	}

	private static boolean lastAllComplete(List<Exchange> exchanges, int count) {
		synchronized (exchanges) {
			int size = exchanges.size();
			return size >= count && exchanges.subList(size - count, size).stream().allMatch(Exchange::complete);
		}
	}

	private static long completeSince(List<Exchange> exchanges, long since) {
		return sentSince(exchanges, since).stream().filter(Exchange::complete).count();
	}

	private static List<Exchange> sentSince(List<Exchange> exchanges, long since) {
		synchronized (exchanges) {
			return exchanges.stream().filter(exchange -> exchange.sent() >= since).toList();
		}
	}

	/**
	 * One client: a request, its answer, a pause, the next request, until told to stop.
	 */
	private Mono<Void> client(WebClient gateway, int client, List<Exchange> exchanges, AtomicBoolean stop) {
		return Mono.defer(() -> {
			long sent = System.nanoTime();
			return query(gateway, sharedGtin(client + CLIENTS * (exchanges.size() % 7))).doOnNext(
					body -> exchanges.add(new Exchange(sent, System.nanoTime(), JsonPath.using(JSON).parse(body))));
		}).then(Mono.delay(THINK)).repeat(() -> !stop.get()).then();
	}

	private Mono<String> query(WebClient gateway, String gtin) {
		return gateway.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", PRODUCT, "variables", Map.of("gtin", gtin)))
			.retrieve()
			.bodyToMono(String.class);
	}

	private static boolean reopened(Upstream upstream) {
		return transitions.contains(new Transition(upstream, CircuitBreaker.StateTransition.HALF_OPEN_TO_OPEN));
	}

	private boolean bothOpen() {
		return breaker(Upstream.TMALL_EUROPE).getState() == CircuitBreaker.State.OPEN
				&& breaker(Upstream.ALIEXPRESS).getState() == CircuitBreaker.State.OPEN;
	}

	private String readiness() {
		String body = WebClient.create("http://localhost:" + this.managementPort)
			.get()
			.uri("/actuator/health/readiness")
			.exchangeToMono(response -> response.bodyToMono(String.class))
			.block(PATIENCE);
		return JsonPath.using(JSON).parse(body).read("$.status");
	}

	private CircuitBreaker breaker(Upstream upstream) {
		return this.channels.resilience(upstream).breaker();
	}

	private String sharedGtin(int index) {
		List<String> gtins = this.upstreams.catalog().sharedGtins();
		return gtins.get(index % gtins.size());
	}

	record Transition(Upstream upstream, CircuitBreaker.StateTransition transition) {

	}

	/**
	 * One request: when it was sent and answered ({@link System#nanoTime()}), and how.
	 */
	record Exchange(long sent, long answered, DocumentContext answer) {

		boolean overlaps(long from, long to) {
			return this.sent < to && this.answered > from;
		}

		List<String> codes() {
			List<String> codes = this.answer.read("$.errors[*].extensions.code");
			return (codes != null) ? codes : List.of();
		}

		boolean failed() {
			return !codes().isEmpty();
		}

		/** No error, and an offer from each marketplace. */
		boolean complete() {
			List<String> marketplaces = this.answer.read("$.data.product.offers[*].marketplace");
			return !failed() && marketplaces != null && marketplaces.containsAll(List.of("TMALL_EUROPE", "ALIEXPRESS"));
		}

		@Override
		public String toString() {
			return "sent at %d, answered at %d: %s".formatted(this.sent, this.answered, this.answer.jsonString());
		}

	}

}
