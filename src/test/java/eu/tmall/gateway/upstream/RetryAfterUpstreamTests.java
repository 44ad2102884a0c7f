package eu.tmall.gateway.upstream;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import eu.tmall.gateway.upstream.UpstreamException.Kind;
import eu.tmall.gateway.upstream.aliexpress.AliExpressClient;
import eu.tmall.gateway.upstream.tmall.TmallClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Both clients over a real HTTP upstream that asks them to back off: no second call
 * before the upstream's {@code Retry-After} (seconds or an HTTP date) or AliExpress's
 * ban, and when that is past the 3 s deadline, one call and an
 * {@code UPSTREAM_RATE_LIMITED} failure at once that says when to come back. The times
 * are the upstream's own record of when each call arrived.
 */
class RetryAfterUpstreamTests {

	private static final Duration DEADLINE = Duration.ofSeconds(3);

	/** Well under the deadline, yet not tight for a busy machine's first call. */
	private static final Duration AT_ONCE = Duration.ofMillis(1500);

	private static final String TMALL_PATH = "/rest/products/gtin/get";

	private static final String TMALL_ANSWER = "{\"code\":\"0\",\"data\":{\"products\":[]},\"request_id\":\"r\"}";

	private static final String ALIEXPRESS_ANSWER = """
			{"aliexpress_affiliate_product_ean_get_response":{"resp_result":{"resp_code":200,"resp_msg":"ok",
			"result":{"products":{"product":[]}}}}}""";

	private static final String BAN = """
			{"error_response":{"type":"ISP","code":"ApiCallLimit",
			"msg":"Api access frequency exceeds the limit. this ban will last %d seconds","request_id":"r"}}""";

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private TmallClient tmall;

	private AliExpressClient aliExpress;

	@BeforeEach
	void start() {
		this.server.start();
		UpstreamsProperties.Endpoint endpoint = new UpstreamsProperties.Endpoint(null, null, null,
				Duration.ofSeconds(1), Duration.ofSeconds(2), DEADLINE, UpstreamsProperties.Retry.DEFAULTS,
				UpstreamsProperties.Breaker.DEFAULTS, 16, DataSize.ofMegabytes(1));
		this.tmall = new TmallClient(channel(Upstream.TMALL_EUROPE, endpoint));
		this.aliExpress = new AliExpressClient(channel(Upstream.ALIEXPRESS, endpoint));
		warmUp();
	}

	/**
	 * One answered call of each client first: a cold JVM's first call takes longer than
	 * "at once", or even than an attempt's timeout.
	 */
	private void warmUp() {
		this.server.stubFor(get(urlPathEqualTo(TMALL_PATH)).willReturn(okJson(TMALL_ANSWER)));
		this.server.stubFor(post(urlPathEqualTo("/sync")).willReturn(okJson(ALIEXPRESS_ANSWER)));
		this.tmall.findByGtins(List.of("4006381333931"), "ES").onErrorComplete().blockLast(Duration.ofSeconds(10));
		this.aliExpress.findByEans(List.of("4006381333931"), "ES").onErrorComplete().blockLast(Duration.ofSeconds(10));
		this.server.resetAll();
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void shouldCallOnceAndFailAtOnceWhenRetryAfterIsPastTheDeadline() {
		this.server.stubFor(get(urlPathEqualTo(TMALL_PATH))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

		assertFailsAtOnce(() -> this.tmall.findByGtins(List.of("4006381333931"), "ES").collectList().block(),
				Kind.RATE_LIMITED, "Tmall Europe: answered HTTP 429; it asked to be called again in 30 s, "
						+ "after this call's deadline of 3 s");
		assertThat(calls()).hasSize(1);
	}

	@Test
	void shouldNotCallAgainBeforeRetryAfter() {
		failFirst(() -> get(urlPathEqualTo(TMALL_PATH)), aResponse().withStatus(429).withHeader("Retry-After", "1"),
				okJson(TMALL_ANSWER));

		assertThat(this.tmall.findByGtins(List.of("4006381333931"), "ES").collectList().block()).isEmpty();

		assertSecondCallNoSoonerThan(Duration.ofSeconds(1));
	}

	@Test
	void shouldNotCallAgainBeforeTheBanAliExpressAnnounces() {
		failFirst(() -> post(urlPathEqualTo("/sync")), okJson(BAN.formatted(1)), okJson(ALIEXPRESS_ANSWER));

		assertThat(this.aliExpress.findByEans(List.of("4006381333931"), "ES").collectList().block()).isEmpty();

		assertSecondCallNoSoonerThan(Duration.ofSeconds(1));
	}

	@Test
	void shouldCallOnceAndFailAtOnceWhenAliExpressBansPastTheDeadline() {
		this.server.stubFor(post(urlPathEqualTo("/sync")).willReturn(okJson(BAN.formatted(30))));

		assertFailsAtOnce(() -> this.aliExpress.findByEans(List.of("4006381333931"), "ES").collectList().block(),
				Kind.RATE_LIMITED, "AliExpress: call-rate limit exceeded (request r); it asked to be called again "
						+ "in 30 s, after this call's deadline of 3 s");
		assertThat(calls()).hasSize(1);
	}

	@Test
	void shouldCallOnceAndFailAtOnceWhenARetryAfterDateIsPastTheDeadline() {
		String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(1));
		this.server.stubFor(get(urlPathEqualTo(TMALL_PATH))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", inAMinute)));

		assertFailsAtOnce(() -> this.tmall.findByGtins(List.of("4006381333931"), "ES").collectList().block(),
				Kind.RATE_LIMITED, "after this call's deadline of 3 s");
		assertThat(calls()).hasSize(1);
	}

	@Test
	void shouldNotCallAgainBeforeARetryAfterDateCountedFromTheAnswersDate() {
		// a clock of the upstream's far from ours: only the difference of its two dates
		// counts
		failFirst(() -> get(urlPathEqualTo(TMALL_PATH)),
				aResponse().withStatus(503)
					.withHeader("Date", "Wed, 21 Oct 2015 07:28:00 GMT")
					.withHeader("Retry-After", "Wed, 21 Oct 2015 07:28:01 GMT"),
				okJson(TMALL_ANSWER));

		assertThat(this.tmall.findByGtins(List.of("4006381333931"), "ES").collectList().block()).isEmpty();

		assertSecondCallNoSoonerThan(Duration.ofSeconds(1));
	}

	@Test
	void shouldKeepAnUnavailableUpstreamUnavailableWhenItsRetryAfterIsPastTheDeadline() {
		this.server.stubFor(
				post(urlPathEqualTo("/sync")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));

		assertFailsAtOnce(() -> this.aliExpress.findByEans(List.of("4006381333931"), "ES").collectList().block(),
				Kind.UNAVAILABLE, "called again in 120 s");
		assertThat(calls()).hasSize(1);
	}

	private UpstreamChannel channel(Upstream upstream, UpstreamsProperties.Endpoint endpoint) {
		UpstreamConnection connection = new UpstreamConnection(URI.create(this.server.baseUrl()), "app", "secret");
		return UpstreamChannel.open(upstream, WebClient.builder(), connection, endpoint, JsonMapper.builder().build(),
				Clock.systemUTC());
	}

	private void failFirst(Supplier<MappingBuilder> call, ResponseDefinitionBuilder failure,
			ResponseDefinitionBuilder answer) {
		this.server.stubFor(call.get()
			.inScenario("backoff")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(failure)
			.willSetStateTo("answering"));
		this.server.stubFor(call.get().inScenario("backoff").whenScenarioStateIs("answering").willReturn(answer));
	}

	private static void assertFailsAtOnce(Supplier<?> call, Kind kind, String message) {
		long started = System.nanoTime();
		assertThatExceptionOfType(UpstreamException.class).isThrownBy(call::get)
			.satisfies(ex -> assertThat(ex.kind()).isEqualTo(kind))
			.withMessageContaining(message);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(AT_ONCE);
	}

	private void assertSecondCallNoSoonerThan(Duration wait) {
		List<Date> arrivals = calls().stream().map(LoggedRequest::getLoggedDate).sorted().toList();
		assertThat(arrivals).hasSize(2);
		assertThat(Duration.between(arrivals.get(0).toInstant(), arrivals.get(1).toInstant()))
			.isGreaterThanOrEqualTo(wait);
	}

	private List<LoggedRequest> calls() {
		return this.server.findAll(anyRequestedFor(anyUrl()));
	}

}
