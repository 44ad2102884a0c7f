package eu.tmall.gateway.resilience;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import eu.tmall.gateway.upstream.HalfOpenProbe;
import eu.tmall.gateway.upstream.Upstream;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An AliExpress outage over several requests: the breaker stops the calls, and once it is
 * half-open its trial calls close it without a request; readiness says degraded, cached
 * offers are served stale within their maximum age, and no retry outlives the deadline.
 */
class UpstreamOutageTests extends ResilienceTestSupport {

	private static final String BY_EAN = "aliexpress.affiliate.product.ean.get";

	@Test
	void shouldStopCallingAnUpstreamWhileItsBreakerIsOpenAndResumeAfterRecovery() {
		failByEan(aResponse().withStatus(500));
		for (int i = 0; i < 5; i++) {
			query(PRODUCT, Map.of("gtin", sharedGtin(i), "shipTo", "DE"));
		}
		assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

		for (int i = 0; i < 5; i++) {
			Answer answer = query(PRODUCT, Map.of("gtin", sharedGtin(i), "shipTo", "DE"));
			assertThat(answer.errors()).singleElement()
				.satisfies(
						error -> assertThat(String.valueOf(error.get("message"))).contains("circuit breaker is open"));
			List<Object> tmall = answer.read("$.data.product.offers[?(@.marketplace == 'TMALL_EUROPE')]");
			assertThat(tmall).hasSize(1);
		}
		assertThat(byEanCalls()).as("calls while open").isEqualTo(5);
		assertReadiness(HttpStatus.OK, "DEGRADED");

		this.upstreams.reset();
		// what the breaker's timer does after wait-in-open (BreakerRecoveryTests)
		breaker().transitionToHalfOpenState();
		await().atMost(Duration.ofSeconds(30)).until(() -> breaker().getState() == CircuitBreaker.State.CLOSED);
		assertThat(probeCalls()).as("trial calls, one in this configuration").isEqualTo(1);
		assertReadiness(HttpStatus.OK, "UP");
		Answer recovered = query(PRODUCT, Map.of("gtin", sharedGtin(0), "shipTo", "DE"));

		assertThat(recovered.errors()).isEmpty();
		assertThat(byEanCalls()).isEqualTo(1);
	}

	@Test
	void shouldReportTheGatewayDownOnlyWhenBothBreakersAreOpen() {
		this.channels.resilience(Upstream.TMALL_EUROPE).breaker().transitionToForcedOpenState();
		assertReadiness(HttpStatus.OK, "DEGRADED");

		breaker().transitionToForcedOpenState();
		assertReadiness(HttpStatus.SERVICE_UNAVAILABLE, "DOWN");
	}

	@Test
	void shouldServeAStaleOfferMarkedDuringAnOutageButNotPastTheMaximumAge() {
		Map<String, Object> product = Map.of("gtin", sharedGtin(3), "shipTo", "DE");
		assertThat(staleness(query(PRODUCT, product), "ALIEXPRESS")).containsExactly(false);

		this.clock.advance(Duration.ofMinutes(6));
		failByEan(aResponse().withStatus(503));
		Answer stale = query(PRODUCT, product);

		assertThat(stale.errors()).as(stale.body()).isEmpty();
		assertThat(staleness(stale, "ALIEXPRESS")).containsExactly(true);
		assertThat(staleness(stale, "TMALL_EUROPE")).containsExactly(false);

		this.clock.advance(Duration.ofMinutes(60));
		Answer expired = query(PRODUCT, product);

		assertThat(expired.errors()).singleElement()
			.satisfies(error -> assertThat(extensions(error)).containsEntry("code", "UPSTREAM_UNAVAILABLE"));
		assertThat(staleness(expired, "ALIEXPRESS")).isEmpty();
	}

	/**
	 * That no attempt follows the deadline, however long one waits, is shown in virtual
	 * time ({@code UpstreamResilienceTests}); here, over HTTP, the deadline ends the
	 * call.
	 */
	@Test
	void shouldNeverRetryPastTheDeadline() {
		failByEan(aResponse().withStatus(503).withFixedDelay(1500));

		Answer answer = query(PRODUCT, Map.of("gtin", sharedGtin(2), "shipTo", "DE"));

		// cut by the deadline, not ended by the last retry's 503 (UPSTREAM_UNAVAILABLE):
		// no
		// wall-clock bound needed, which a busy machine would stretch
		assertThat(answer.errors()).singleElement().satisfies(error -> {
			assertThat(extensions(error)).containsEntry("code", "UPSTREAM_TIMEOUT");
			assertThat(String.valueOf(error.get("message"))).isEqualTo("AliExpress: no answer within the deadline");
		});
		assertThat(byEanCalls()).isBetween(2, 3);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> extensions(Map<String, Object> error) {
		return (Map<String, Object>) error.get("extensions");
	}

	private List<Boolean> staleness(Answer answer, String marketplace) {
		return answer.read("$.data.product.offers[?(@.marketplace == '" + marketplace + "')].stale");
	}

	private void assertReadiness(HttpStatus status, String health) {
		this.management.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(health);
	}

	private CircuitBreaker breaker() {
		return this.channels.resilience(Upstream.ALIEXPRESS).breaker();
	}

	private void failByEan(ResponseDefinitionBuilder response) {
		this.upstreams.aliExpressServer()
			.stubFor(post(urlPathEqualTo("/sync")).withFormParam("method", equalTo(BY_EAN)).willReturn(response));
	}

	/** The calls requests made, the trial calls of a half-open breaker left out. */
	private int byEanCalls() {
		return this.upstreams.aliExpressServer()
			.countRequestsMatching(postRequestedFor(urlPathEqualTo("/sync")).withFormParam("method", equalTo(BY_EAN))
				.withFormParam("ean_codes", notContaining(HalfOpenProbe.GTIN))
				.build())
			.getCount();
	}

	private int probeCalls() {
		return this.upstreams.aliExpressServer()
			.countRequestsMatching(postRequestedFor(urlPathEqualTo("/sync")).withFormParam("method", equalTo(BY_EAN))
				.withFormParam("ean_codes", equalTo(HalfOpenProbe.GTIN))
				.build())
			.getCount();
	}

}
