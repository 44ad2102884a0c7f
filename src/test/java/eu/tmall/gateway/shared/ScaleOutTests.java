package eu.tmall.gateway.shared;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import eu.tmall.gateway.GatewayApplication;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway instances sharing one real Redis behave as one: a partner's limit holds
 * across both, a persisted query registered through one is served by the other, a product
 * fetched through one is served by the other without an upstream call; with Redis stopped
 * both go on answering on their own state, and share again once it is back, with no
 * request needed to find out.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScaleOutTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static final String OPEN_KEY = "scale-out-open-key";

	private static final String LIMITED_KEY = "scale-out-limited-key";

	private static final String OUTAGE_KEY = "scale-out-outage-key";

	private static final String TYPENAME = "{\"query\":\"{ __typename }\"}";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void startTwoInstances() {
		a = gateway();
		b = gateway();
	}

	@AfterAll
	static void stopThem() {
		a.close();
		b.close();
	}

	@Test
	void shouldHoldAPartnersLimitAcrossInstances() {
		List<HttpResponse<String>> answers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			answers.add(post((i % 2 == 0) ? a : b, LIMITED_KEY, TYPENAME));
		}

		assertThat(answers.stream().filter(answer -> answer.statusCode() == 200)).hasSize(10)
			.allSatisfy(answer -> assertThat(answer.body()).contains("\"__typename\":\"Query\""));
		assertThat(answers.stream().filter(answer -> answer.statusCode() == 429)).hasSize(20)
			.allSatisfy(answer -> assertThat(answer.headers().firstValue("Retry-After")).isPresent());
	}

	@Test
	void shouldServeAPersistedQueryRegisteredThroughTheOtherInstance() {
		String document = "query ScaleOutApq { __typename }";
		String hash = sha256(document);
		String extensions = "\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";

		assertThat(post(a, OPEN_KEY, "{\"query\":\"" + document + "\"," + extensions + "}").body())
			.contains("\"__typename\":\"Query\"");
		awaitKeys("tmall-gateway:apq:" + hash, 1);

		String answer = post(b, OPEN_KEY, "{" + extensions + "}").body();

		assertThat(answer).contains("\"__typename\":\"Query\"").doesNotContain("PersistedQueryNotFound");
	}

	@Test
	void shouldServeAProductFetchedThroughTheOtherInstanceWithoutAnUpstreamCall() throws IOException {
		String gtin = a.getBean(EmbeddedUpstreams.class).catalog().sharedGtins().get(7);
		String product = product(gtin, "AT");
		JsonNode throughA = json.readTree(post(a, OPEN_KEY, product).body());
		assertThat(throughA.at("/data/product/offers").size()).isGreaterThan(0);
		awaitKeys("tmall-gateway:offers-by-gtin:*" + gtin + ":AT", 2);
		EmbeddedUpstreams upstreamsOfB = b.getBean(EmbeddedUpstreams.class);
		upstreamsOfB.reset();

		JsonNode throughB = json.readTree(post(b, OPEN_KEY, product).body());

		assertThat(upstreamsOfB.tmallServer().getAllServeEvents()).isEmpty();
		assertThat(upstreamsOfB.aliExpressServer().getAllServeEvents()).isEmpty();
		assertThat(throughB.at("/data/product")).isEqualTo(throughA.at("/data/product"));
	}

	@Test
	void shouldAnswerOnItsOwnWhileRedisIsDownAndShareAgainWhenItIsBack(CapturedOutput output) throws IOException {
		String gtin = a.getBean(EmbeddedUpstreams.class).catalog().sharedGtins().get(11);
		int before = output.getAll().length();
		redis.stop();
		awaitSharedTier(a, "DEGRADED");
		awaitSharedTier(b, "DEGRADED");

		assertThat(json.readTree(post(b, OPEN_KEY, product(gtin, "DE")).body()).at("/data/product/gtin").asString())
			.isNotEmpty();
		List<Integer> alone = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			alone.add(post(a, OUTAGE_KEY, TYPENAME).statusCode());
		}
		// each of the two instances enforces half of the limit of 10 on its own
		assertThat(alone).containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
		assertThat(a.getBean(MeterRegistry.class).get(SharedTier.UP_METER).gauge().value()).isZero();
		String logged = output.getAll().substring(before);
		// one line an instance, however many requests and PINGs failed
		assertThat(logged.lines().filter(line -> line.contains("Shared tier degraded"))).hasSize(2)
			.allSatisfy(line -> assertThat(line).contains(" WARN "));
		assertThat(logged).doesNotContain("\tat ");

		redis.start();
		awaitSharedTier(a, "UP");
		awaitSharedTier(b, "UP");

		List<Integer> shared = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			shared.add(post((i % 2 == 0) ? a : b, OUTAGE_KEY, TYPENAME).statusCode());
		}
		// one bucket of 10 again (Redis came back empty), not what is left of the halves
		assertThat(shared.stream().filter(status -> status == 200)).hasSize(10);
		assertThat(a.getBean(MeterRegistry.class).get(SharedTier.UP_METER).gauge().value()).isOne();
	}

	@AfterEach
	void redisRunsForTheNextTest() {
		redis.startIfStopped();
	}

	private static ConfigurableApplicationContext gateway() {
		// arguments, not default properties: those lose to application.yml's ports
		return new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
				"--management.server.port=0", "--gateway.embedded.latency=0ms", "--gateway.warm-up.enabled=false",
				"--gateway.shared.redis-url=" + redis.url(), "--gateway.shared.instances=2",
				"--gateway.shared.timeout=2s", "--gateway.clients.require-key=true",
				"--gateway.clients.partners.open.key-sha256=" + sha256(OPEN_KEY),
				"--gateway.clients.partners.limited.key-sha256=" + sha256(LIMITED_KEY),
				"--gateway.clients.partners.limited.rate-limit.capacity=10",
				"--gateway.clients.partners.limited.rate-limit.refill=1",
				"--gateway.clients.partners.limited.rate-limit.period=1h",
				"--gateway.clients.partners.outage.key-sha256=" + sha256(OUTAGE_KEY),
				"--gateway.clients.partners.outage.rate-limit.capacity=10",
				"--gateway.clients.partners.outage.rate-limit.refill=1",
				"--gateway.clients.partners.outage.rate-limit.period=1h");
	}

	private static void awaitSharedTier(ConfigurableApplicationContext gateway, String status) {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			HttpResponse<String> readiness = get(gateway, "/actuator/health/readiness");
			assertThat(readiness.statusCode()).isEqualTo(200);
			assertThat(json.readTree(readiness.body()).at("/components/sharedTier/status").asString())
				.isEqualTo(status);
		});
	}

	private static void awaitKeys(String pattern, int count) {
		RedisClient client = RedisClient.create(redis.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(connection.sync().keys(pattern)).hasSize(count));
		}
		finally {
			client.shutdown();
		}
	}

	private static String product(String gtin, String shipTo) throws IOException {
		String document = new ClassPathResource("graphql-test/product.graphql")
			.getContentAsString(StandardCharsets.UTF_8);
		return json.writeValueAsString(Map.of("query", document, "variables", Map.of("gtin", gtin, "shipTo", shipTo)));
	}

	private static HttpResponse<String> post(ConfigurableApplicationContext gateway, String key, String body) {
		return send(HttpRequest.newBuilder(uri(gateway, "local.server.port", "/graphql"))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext gateway, String path) {
		return send(HttpRequest.newBuilder(uri(gateway, "local.management.port", path)).GET().build());
	}

	private static URI uri(ConfigurableApplicationContext gateway, String port, String path) {
		return URI.create("http://127.0.0.1:" + gateway.getEnvironment().getProperty(port) + path);
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
