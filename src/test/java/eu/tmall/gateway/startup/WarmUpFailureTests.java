package eu.tmall.gateway.startup;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An upstream down at start-up stops the warm-up at its first failed answer: the gateway
 * reports ready anyway, with one WARN, rather than keep every instance unready.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.warm-up.enabled=true", "gateway.upstreams.tmall.app-key=test",
				"gateway.upstreams.tmall.app-secret=test" })
@ExtendWith(OutputCaptureExtension.class)
class WarmUpFailureTests {

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private WarmUp warmUp;

	@DynamicPropertySource
	static void tmallDown(DynamicPropertyRegistry registry) throws IOException {
		try (ServerSocket closed = new ServerSocket(0)) {
			registry.add("gateway.upstreams.tmall.base-url", () -> "http://127.0.0.1:" + closed.getLocalPort());
		}
	}

	@Test
	void shouldReportReadyWithAWarningWhenAnUpstreamIsDown(CapturedOutput output) {
		await().atMost(Duration.ofSeconds(60)).until(this.warmUp::finished);

		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.managementPort)
			.build()
			.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.readinessState.status")
			.isEqualTo("UP");
		assertThat(output.getOut().lines().filter(line -> line.contains("Warm-up stopped"))).singleElement()
			.satisfies(line -> assertThat(line).contains("WARN", "ready anyway", "Tmall Europe"));
	}

}
