package eu.tmall.gateway.graphql;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.PatientTestClients;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamChannels;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that gets past the cost limit (raised here) still makes at most
 * {@code max-upstream-calls} calls to each upstream and waits at most
 * {@code request-deadline}: what needed more is answered with a coded error, the rest of
 * the answer stays, and neither is held against an upstream's circuit breaker. Upstream
 * deadlines are set longer than the request's, so only the request's can cut a call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.embedded.latency=0ms", "gateway.limits.max-complexity=1000000",
				"gateway.limits.max-upstream-calls=40", "gateway.limits.request-deadline=10s",
				"gateway.upstreams.tmall.timeout=15s", "gateway.upstreams.tmall.deadline=20s",
				"gateway.upstreams.aliexpress.timeout=15s", "gateway.upstreams.aliexpress.deadline=20s" })
@Import(FixedClockConfiguration.class)
class RequestBudgetTests {

	/**
	 * Ample for the eighty calls the budget allows even on a busy machine, where the
	 * embedded upstreams, sharing its CPU, answer them slowly.
	 */
	private static final Duration REQUEST_DEADLINE = Duration.ofSeconds(10);

	private static final int BUDGET = 40;

	private static final Configuration JSON = Configuration.defaultConfiguration()
		.addOptions(Option.SUPPRESS_EXCEPTIONS);

	@Autowired
	private EmbeddedUpstreams upstreams;

	@Autowired
	private UpstreamChannels channels;

	@LocalServerPort
	private int port;

	private WebTestClient http;

	private UpstreamCalls calls;

	@BeforeEach
	void connect() {
		this.http = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(PatientTestClients.PATIENCE)
			.build();
		this.calls = new UpstreamCalls(this.upstreams);
		// a cold JVM answers its first queries slowly: not what the deadline is about
		query("{ search(query: \"headphones\", shipTo: \"SK\", first: 5) { edges { node { gtin } } } }", Map.of());
		this.upstreams.reset();
	}

	@AfterEach
	void recover() {
		this.upstreams.reset();
		for (Upstream upstream : Upstream.values()) {
			this.channels.resilience(upstream).breaker().reset();
		}
	}

	@Test
	void shouldAnswerTheAmplificationQueryWithinItsBudgetAndDeadline() {
		String gtin = this.upstreams.catalog().sharedGtins().get(0);
		String document = Amplification.document()
			.replace("query Amplification($after: String) {", "query Amplification($after: String, $gtin: GTIN!) {\n"
					+ "  product(gtin: $gtin, shipTo: \"LU\") { offers { marketplace } }");
		// the product is at hand: it needs no upstream call
		query("query($gtin: GTIN!) { product(gtin: $gtin, shipTo: \"LU\") { offers { marketplace } } }",
				Map.of("gtin", gtin));
		this.upstreams.reset();

		Answer answer = query(document, Map.of("after", Amplification.DEEPEST_CURSOR, "gtin", gtin));

		assertThat(answer.took()).isLessThan(REQUEST_DEADLINE);
		assertThat(this.calls.tmallTotal()).isPositive().isLessThanOrEqualTo(BUDGET);
		assertThat(this.calls.aliExpressTotal()).isPositive().isLessThanOrEqualTo(BUDGET);
		assertThat(answer.codes()).containsOnly("REQUEST_BUDGET_EXCEEDED");
		assertThat(answer.upstreamsOf("REQUEST_BUDGET_EXCEEDED")).containsExactlyInAnyOrder("tmall-europe",
				"aliexpress");
		assertThat(answer.<List<String>>read("$.data.product.offers[*].marketplace"))
			.containsExactlyInAnyOrder("TMALL_EUROPE", "ALIEXPRESS");
		for (int i = 0; i < Amplification.ALIASES; i++) {
			assertThat(answer.<Object>read("$.data.s" + i + ".edges")).as("s%d's connection", i).isNotNull();
		}
		assertBreakersClosedWithoutFailures();
	}

	/**
	 * Product lookups run in DataLoader batches, outside the resolver that asked for
	 * them: the budget reaches them too. Ten destinations of 100 products make 20 Tmall
	 * Europe calls (50 a call) and 50 AliExpress calls (20 a call).
	 */
	@Test
	void shouldBudgetTheLookupsOfDataLoaderBatches() {
		List<String> gtins = this.upstreams.catalog().sharedGtins().subList(0, 100);
		StringBuilder document = new StringBuilder("query($gtins: [GTIN!]!) {\n");
		for (String country : List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR")) {
			document.append("  %s: products(gtins: $gtins, shipTo: \"%s\") { gtin offers { marketplace } }\n"
				.formatted(country.toLowerCase(), country));
		}

		Answer answer = query(document.append("}").toString(), Map.of("gtins", gtins));

		assertThat(this.calls.tmallTotal()).isEqualTo(20);
		assertThat(this.calls.aliExpressTotal()).isLessThanOrEqualTo(BUDGET);
		assertThat(answer.codes()).containsOnly("REQUEST_BUDGET_EXCEEDED");
		assertThat(answer.upstreamsOf("REQUEST_BUDGET_EXCEEDED")).containsExactly("aliexpress");
		assertThat(answer.<List<String>>read("$.data.fr[*].offers[*].marketplace")).contains("TMALL_EUROPE");
		assertBreakersClosedWithoutFailures();
	}

	@Test
	void shouldCutWhatOutlastsTheRequestsDeadlineAndAnswerTheRest() {
		this.upstreams.aliExpressServer().stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(30_000)));
		String gtin = this.upstreams.catalog().sharedGtins().get(1);

		Answer answer = query("query($gtin: GTIN!) { product(gtin: $gtin, shipTo: \"PT\") { offers { marketplace } } }",
				Map.of("gtin", gtin));

		// the AliExpress call would take 30 s, and its own deadline is 20 s: the
		// request's
		// cut it
		assertThat(answer.took()).isGreaterThanOrEqualTo(REQUEST_DEADLINE)
			.isLessThan(REQUEST_DEADLINE.plus(Duration.ofSeconds(5)));
		assertThat(answer.codes()).containsExactly("REQUEST_DEADLINE_EXCEEDED");
		assertThat(answer.upstreamsOf("REQUEST_DEADLINE_EXCEEDED")).containsExactly("aliexpress");
		assertThat(answer.<List<String>>read("$.data.product.offers[*].marketplace")).containsExactly("TMALL_EUROPE");
		assertBreakersClosedWithoutFailures();
	}

	private void assertBreakersClosedWithoutFailures() {
		for (Upstream upstream : Upstream.values()) {
			CircuitBreaker breaker = this.channels.resilience(upstream).breaker();
			assertThat(breaker.getState()).as(upstream.id()).isEqualTo(CircuitBreaker.State.CLOSED);
			assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as(upstream.id()).isZero();
		}
	}

	private Answer query(String document, Map<String, Object> variables) {
		long started = System.nanoTime();
		String body = this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", document, "variables", new HashMap<>(variables)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return new Answer(JsonPath.using(JSON).parse(body), Duration.ofNanos(System.nanoTime() - started), body);
	}

	/** A GraphQL answer, how long it took, and its text for failure messages. */
	private record Answer(DocumentContext json, Duration took, String body) {

		List<Map<String, Object>> errors() {
			List<Map<String, Object>> errors = this.json.read("$.errors");
			return (errors != null) ? errors : List.of();
		}

		Set<Object> codes() {
			return errors().stream().map(error -> extensions(error).get("code")).collect(Collectors.toSet());
		}

		Set<Object> upstreamsOf(String code) {
			return errors().stream()
				.map(RequestBudgetTests.Answer::extensions)
				.filter(extensions -> code.equals(extensions.get("code")))
				.map(extensions -> extensions.get("upstream"))
				.collect(Collectors.toSet());
		}

		<T> T read(String path) {
			return this.json.read(path);
		}

		@SuppressWarnings("unchecked")
		private static Map<String, Object> extensions(Map<String, Object> error) {
			return (Map<String, Object>) error.get("extensions");
		}

		@Override
		public String toString() {
			return this.body;
		}

	}

}
