package eu.tmall.gateway.access;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import eu.tmall.gateway.MutableClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No spelling of the GraphQL path gets around the access checks: each one is refused
 * before anything reads it (400 from the path firewall), is not routed to GraphQL at all
 * (404), or meets every check: no key 401, a wrong key 401, over the rate limit 429, an
 * untrusted document 403, 2 MB 413. The clock stands still, so a spent bucket stays
 * spent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"gateway.embedded.latency=0ms", "gateway.clients.require-key=true",
		"gateway.clients.partners.good.key-sha256=5019832fa81c7c6a5434d80577257393690c2e0707ea99c80bad757e555f2f4c",
		"gateway.clients.partners.spent.key-sha256=6c2835d64e430cb0dc9400acf333e51a70f5728912cdb93089eabdf2cce488dc",
		"gateway.clients.partners.spent.rate-limit.capacity=1", "gateway.clients.partners.spent.rate-limit.refill=1",
		"gateway.clients.partners.spent.rate-limit.period=1h",
		"gateway.clients.partners.trusted.key-sha256=8da25558f13495db09701cbc20291a9bb144321e213c29f630e6fa081d99b642",
		"gateway.clients.partners.trusted.trusted-documents=classpath:access/trusted-documents.json" })
@Import(MutableClockConfiguration.class)
class PathSpellingTests {

	private static final String TYPENAME = "{\"query\":\"{ __typename }\"}";

	private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

	@LocalServerPort
	private int port;

	static Stream<String> spellings() {
		return Stream.of("/graphql;x", "/graphql;", "/graphql;jsessionid=1", "/graphql;a=b/", "/%67raphql",
				"/graphq%6c", "/%67%72%61%70%68%71%6c", "/%47RAPHQL", "/%2567raphql", "/graphql%2F", "/%2Fgraphql",
				"/%2fgraphql", "/graphql%3Bx", "/graphql%00", "/graphql%20", "/%2e/graphql", "//graphql", "/graphql//",
				"/./graphql", "/graphql/.", "/x/../graphql", "/graphql/", "/GRAPHQL", "/Graphql", "/graphql?",
				"/graphql?query=x", "\\graphql", "/graphql\\", "/graphql#x");
	}

	@BeforeEach
	void spendTheLimitedPartnersToken() {
		post("/graphql", Map.of("X-Api-Key", "spent-partner-key"), TYPENAME);
	}

	@Test
	void shouldCheckTheCanonicalPath() {
		RawHttp.Response answer = post("/graphql", Map.of("X-Api-Key", "good-partner-key"), TYPENAME);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(JsonPath.<String>read(answer.body(), "$.data.__typename")).isEqualTo("Query");
		assertChecked(post("/graphql", Map.of(), TYPENAME), 401, "UNAUTHENTICATED");
	}

	@Test
	void shouldCheckTheAbsoluteFormOfTheTarget() {
		String absolute = "http://127.0.0.1:" + this.port + "/graphql";

		assertChecked(post(absolute, Map.of(), TYPENAME), 401, "UNAUTHENTICATED");
		assertChecked(post(absolute, Map.of("X-Api-Key", "spent-partner-key"), TYPENAME), 429, "RATE_LIMITED");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("spellings")
	void shouldAnswerAGoodKeyOnlyOnAPathThatIsChecked(String path) {
		RawHttp.Response answer = post(path, Map.of("X-Api-Key", "good-partner-key"), TYPENAME);

		if (!isRefused(answer)) {
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			assertThat(JsonPath.<String>read(answer.body(), "$.data.__typename")).isEqualTo("Query");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("spellings")
	void shouldRefuseARequestWithoutAKey(String path) {
		assertRefusedOrChecked(post(path, Map.of(), TYPENAME), 401, "UNAUTHENTICATED");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("spellings")
	void shouldRefuseAnUnknownKey(String path) {
		assertRefusedOrChecked(post(path, Map.of("X-Api-Key", "guessed-key"), TYPENAME), 401, "UNAUTHENTICATED");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("spellings")
	void shouldRefuseAPartnerOverItsRateLimit(String path) {
		assertRefusedOrChecked(post(path, Map.of("X-Api-Key", "spent-partner-key"), TYPENAME), 429, "RATE_LIMITED");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("spellings")
	void shouldRefuseADocumentThePartnerIsNotTrustedWith(String path) {
		assertRefusedOrChecked(post(path, Map.of("X-Api-Key", "trusted-partner-key"), TYPENAME), 403,
				"OPERATION_NOT_TRUSTED");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("spellings")
	void shouldRefuseABodyOverTheSizeLimit(String path) {
		String padding = " ".repeat(2 * 1024 * 1024);
		String body = "{\"query\":\"{ __typename }\"" + padding + "}";

		assertRefusedOrChecked(post(path, Map.of("X-Api-Key", "good-partner-key"), body), 413, "QUERY_TOO_LARGE");
	}

	/**
	 * The firewall looks only at the request: an answer's header with CR LF in it, which
	 * would write headers of its own, is refused by Netty's headers when it is set.
	 */
	@Test
	void shouldNeverSendAHeaderThatSplitsTheAnswer() {
		RawHttp.Response answer = post("/graphql",
				Map.of("X-Api-Key", "good-partner-key", HeaderSplitting.TRIGGER, "yes"), TYPENAME);

		assertThat(answer.status()).isEqualTo(500);
		assertThat(answer.headers()).doesNotContainKeys("set-cookie", "x-split");
		assertThat(answer.body()).doesNotContain("__typename");
	}

	private RawHttp.Response post(String target, Map<String, String> headers, String body) {
		Map<String, String> all = new java.util.LinkedHashMap<>(JSON);
		all.putAll(headers);
		return RawHttp.post(this.port, target, all, body.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertRefusedOrChecked(RawHttp.Response answer, int status, String code) {
		if (!isRefused(answer)) {
			assertChecked(answer, status, code);
		}
	}

	private static void assertChecked(RawHttp.Response answer, int status, String code) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(JsonPath.<String>read(answer.body(), "$.errors[0].extensions.code")).isEqualTo(code);
		assertThat(answer.body()).doesNotContain("\"data\"");
	}

	/**
	 * Refused before any check: by Reactor Netty, which cannot read the target (an empty
	 * 400), by the path firewall, or by finding no route. None answers any data.
	 */
	private static boolean isRefused(RawHttp.Response answer) {
		if (answer.status() == 404) {
			assertThat(answer.body()).doesNotContain("__typename");
			return true;
		}
		if (answer.status() != 400) {
			return false;
		}
		if (answer.body().isEmpty()) {
			return true;
		}
		assertThat(JsonPath.<String>read(answer.body(), "$.errors[0].message"))
			.startsWith("the request path must be in canonical form");
		assertThat(JsonPath.<String>read(answer.body(), "$.errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
		assertThat(answer.headers()).containsEntry("x-content-type-options", "nosniff");
		return true;
	}

	/** A filter behind the firewall that tries to answer a header with CR LF in it. */
	@TestConfiguration(proxyBeanMethods = false)
	static class HeaderSplitting {

		static final String TRIGGER = "X-Test-Split-Header";

		@Bean
		WebFilter splitHeader() {
			return (exchange, chain) -> {
				if (exchange.getRequest().getHeaders().containsHeader(TRIGGER)) {
					exchange.getResponse().getHeaders().set("X-Split", "yes\r\nSet-Cookie: session=stolen");
				}
				return chain.filter(exchange);
			};
		}

	}

}
