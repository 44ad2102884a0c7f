package eu.tmall.gateway.access;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole gateway past its admission limit, fixed here at four: four requests held in
 * flight by slow upstreams, and the excess refused with 503 {@code OVERLOADED} while they
 * still wait, in a fraction of the time they take, timed on the client. Upstream
 * deadlines are far above the upstreams' latency, so the admitted requests are answered
 * in full.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.admission.algorithm=fixed", "gateway.admission.min-limit=1",
				"gateway.admission.initial-limit=" + OverloadTests.LIMIT,
				"gateway.admission.max-limit=" + OverloadTests.LIMIT, "gateway.cache.enabled=false",
				"gateway.upstreams.tmall.timeout=30s", "gateway.upstreams.tmall.deadline=40s",
				"gateway.upstreams.aliexpress.timeout=30s", "gateway.upstreams.aliexpress.deadline=40s",
				"gateway.limits.request-deadline=50s" })
class OverloadTests {

	static final int LIMIT = 4;

	private static final int EXCESS = 6;

	/** How long the upstreams hold each admitted request. */
	private static final Duration UPSTREAM_LATENCY = Duration.ofSeconds(4);

	private static final String PRODUCT = """
			query($gtin: GTIN!) { product(gtin: $gtin, shipTo: "ES") { gtin offers { marketplace } } }""";

	@Autowired
	EmbeddedUpstreams upstreams;

	@Autowired
	AdmissionLimit admission;

	@LocalServerPort
	int port;

	@AfterEach
	void recover() {
		this.upstreams.setLatency(Duration.ZERO);
	}

	@Test
	void shouldRefuseTheExcessAtOnceWhileTheAdmittedAreAnswered() {
		WebClient client = WebClient.create("http://localhost:" + this.port);
		Mono<List<Answer>> admitted = fillTheLimit(client);

		List<Answer> refused = Flux.range(LIMIT, EXCESS)
			.flatMap(i -> post(client, sharedGtin(i)))
			.collectList()
			.block(Duration.ofSeconds(30));
		// the admitted are still waiting for their upstreams: refused while they were
		assertThat(this.admission.inFlight()).isEqualTo(LIMIT);

		assertThat(refused).hasSize(EXCESS).allSatisfy(answer -> {
			assertThat(answer.status()).isEqualTo(503);
			assertThat(answer.retryAfter()).isEqualTo("1");
			assertThat(JsonPath.<List<String>>read(answer.body(), "$.errors[*].extensions.code"))
				.containsExactly("OVERLOADED");
			assertThat(JsonPath.<Integer>read(answer.body(), "$.errors[0].extensions.retryAfter")).isEqualTo(1);
			assertThat(answer.took()).isLessThan(UPSTREAM_LATENCY.dividedBy(4));
		});
		assertThat(admitted.block(Duration.ofSeconds(60))).hasSize(LIMIT).allSatisfy(answer -> {
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.body()).doesNotContain("\"errors\"");
			assertThat(JsonPath.<List<String>>read(answer.body(), "$.data.product.offers[*].marketplace"))
				.containsExactlyInAnyOrder("TMALL_EUROPE", "ALIEXPRESS");
		});
	}

	/**
	 * As many requests as the limit, held by slow upstreams until all are in flight;
	 * their answers once the upstreams have answered.
	 */
	private Mono<List<Answer>> fillTheLimit(WebClient client) {
		this.upstreams.setLatency(UPSTREAM_LATENCY);
		Mono<List<Answer>> admitted = Flux.range(0, LIMIT)
			.flatMap(i -> post(client, sharedGtin(i)))
			.collectList()
			.cache();
		admitted.subscribe();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.admission.inFlight() == LIMIT);
		return admitted;
	}

	@Test
	void shouldAdmitAgainOnceTheRequestsInFlightAreAnswered() {
		WebClient client = WebClient.create("http://localhost:" + this.port);
		Mono<List<Answer>> admitted = fillTheLimit(client);
		assertThat(post(client, sharedGtin(LIMIT)).block(Duration.ofSeconds(30)).status()).isEqualTo(503);
		this.upstreams.setLatency(Duration.ZERO);

		admitted.block(Duration.ofSeconds(60));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.admission.inFlight() == 0);

		Answer again = post(client, sharedGtin(LIMIT)).block(Duration.ofSeconds(30));
		assertThat(again.status()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(again.body(), "$.data.product.offers[*].marketplace")).hasSize(2);
	}

	private Mono<Answer> post(WebClient client, String gtin) {
		return Mono.defer(() -> {
			long started = System.nanoTime();
			return client.post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query", PRODUCT, "variables", Map.of("gtin", gtin)))
				.exchangeToMono(response -> response.bodyToMono(String.class)
					.map(body -> new Answer(response.statusCode().value(),
							response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), body,
							Duration.ofNanos(System.nanoTime() - started))));
		});
	}

	private String sharedGtin(int index) {
		return this.upstreams.catalog().sharedGtins().get(index);
	}

	/** An answer as the client saw it, and how long it took. */
	record Answer(int status, String retryAfter, String body, Duration took) {

	}

}
