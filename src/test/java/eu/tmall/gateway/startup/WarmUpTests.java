package eu.tmall.gateway.startup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness waits for the warm-up. The embedded upstreams answer in 3 s (within the
 * deadlines, raised for it), so the warm-up's priming search (a search, then a lookup, on
 * each marketplace: 6 s) is still waiting for them when the context has started and Boot
 * has announced {@code ACCEPTING_TRAFFIC}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.warm-up.enabled=true", "gateway.warm-up.duration=1s", "gateway.embedded.latency=3s",
				"gateway.upstreams.tmall.timeout=10s", "gateway.upstreams.tmall.deadline=10s",
				"gateway.upstreams.aliexpress.timeout=10s", "gateway.upstreams.aliexpress.deadline=10s",
				"gateway.limits.request-deadline=20s" })
class WarmUpTests {

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private WarmUp warmUp;

	@Autowired
	private EmbeddedUpstreams upstreams;

	@Test
	void shouldRefuseTrafficUntilTheWarmUpHasFinishedThenAcceptIt() {
		List<Probe> probes = new ArrayList<>();

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
			EntityExchangeResult<String> readiness = readiness();
			// read after the probe: a probe that found the gateway ready found it warm
			probes.add(new Probe(readiness.getStatus().value(), readinessState(readiness), this.warmUp.finished()));
			return readiness.getStatus().is2xxSuccessful();
		});

		assertThat(probes.get(0)).isEqualTo(new Probe(503, "OUT_OF_SERVICE", false));
		assertThat(probes).filteredOn(probe -> probe.status() == 200)
			.singleElement()
			.isEqualTo(new Probe(200, "UP", true));
		assertThat(this.upstreams.tmallServer().getAllServeEvents()).as("the warm-up's calls to Tmall Europe")
			.isNotEmpty();
		assertThat(this.upstreams.aliExpressServer().getAllServeEvents()).as("the warm-up's calls to AliExpress")
			.isNotEmpty();
	}

	private EntityExchangeResult<String> readiness() {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.managementPort)
			.build()
			.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private static String readinessState(EntityExchangeResult<String> readiness) {
		return JsonPath.read(readiness.getResponseBody(), "$.components.readinessState.status");
	}

	private record Probe(int status, String readinessState, boolean warmUpFinished) {

	}

}
