package eu.tmall.gateway.upstream.ecb;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import eu.tmall.gateway.PatientTestClients;
import eu.tmall.gateway.pricing.Currency;
import eu.tmall.gateway.pricing.ExchangeRates;
import eu.tmall.gateway.pricing.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@ExtendWith(OutputCaptureExtension.class)
class EcbRatesClientTests {

	private static final String PATH = "/stats/eurofxref/eurofxref-daily.xml";

	private static final String BUNDLED = bundled();

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private final ExchangeRates rates = new ExchangeRates();

	private EcbRatesRefresher refresher;

	@BeforeEach
	void start() {
		this.server.start();
		// a deadline that judges nothing here: a saturated machine may take seconds
		this.refresher = refresher(Duration.ofSeconds(30));
	}

	@AfterEach
	void stop() {
		this.refresher.stop();
		this.server.stop();
	}

	static Stream<Arguments> answers() {
		return Stream.of(
				arguments("a newer day replaces the rates", xml(day("2025-10-22", "4.2500")), "2025-10-22", "4.25"),
				arguments("the same day again is taken", xml(day("2025-10-21", "4.2400")), "2025-10-21", "4.24"),
				arguments("an older day is ignored", xml(day("2025-10-20", "9.9999")), "2025-10-21", "4.24"),
				arguments("HTTP 500 keeps the rates", aResponse().withStatus(500).withBody("<html>down</html>"),
						"2025-10-21", "4.24"),
				arguments("a malformed body keeps the rates", xml("<html>maintenance</html>"), "2025-10-21", "4.24"),
				arguments("a file without PLN keeps the rates",
						xml(BUNDLED.replace("currency='PLN'", "currency='XPL'")), "2025-10-21", "4.24"),
				arguments("an empty body keeps the rates", aResponse().withStatus(200), "2025-10-21", "4.24"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("answers")
	void shouldTakeOnlyANewerOrSameDayThatParses(String rule, ResponseDefinitionBuilder answer, String date,
			String plnPerEuro) {
		this.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(answer));

		this.refresher.refresh().block(PatientTestClients.PATIENCE);

		assertThat(this.rates.date()).isEqualTo(date);
		assertThat(this.rates.convert(Money.of("1.00", Currency.EUR), Currency.PLN))
			.isEqualTo(Money.of(plnPerEuro, Currency.PLN));
	}

	@Test
	void shouldKeepTheRatesWhenNoAnswerComesWithinTheDeadline() {
		EcbRatesRefresher impatient = refresher(Duration.ofMillis(300));
		// the first call also starts the HTTP client, which may take longer than the
		// deadline
		this.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
		impatient.refresh().block(PatientTestClients.PATIENCE);
		this.server
			.stubFor(get(urlPathEqualTo(PATH)).willReturn(xml(day("2025-10-22", "4.2500")).withFixedDelay(2000)));

		impatient.refresh().block(PatientTestClients.PATIENCE);

		assertThat(this.rates.date()).isEqualTo("2025-10-21");
	}

	@Test
	void shouldGiveUpOnABodyThatTricklesInPastTheDeadline() {
		EcbRatesRefresher impatient = refresher(Duration.ofMillis(500));
		this.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
		impatient.refresh().block(PatientTestClients.PATIENCE);
		// each chunk comes within the connector's read timeout, the whole body does not
		this.server.stubFor(get(urlPathEqualTo(PATH))
			.willReturn(xml(day("2025-10-22", "4.2500")).withChunkedDribbleDelay(40, 8000)));

		long started = System.nanoTime();
		impatient.refresh().block(PatientTestClients.PATIENCE);

		// given up well before the body's 8 s, however slowly the machine runs the 500 ms
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
		assertThat(this.rates.date()).isEqualTo("2025-10-21");
	}

	@Test
	void shouldLogOneWarningWithoutTheBody(CapturedOutput output) {
		this.server.stubFor(get(urlPathEqualTo(PATH))
			.willReturn(aResponse().withStatus(503).withBody("<html>upstream secret page</html>")));

		this.refresher.refresh().block(PatientTestClients.PATIENCE);

		assertThat(output.getOut().lines().filter(line -> line.contains("WARN"))).singleElement()
			.satisfies(line -> assertThat(line).contains("HTTP 503", "keeping those of 2025-10-21")
				.doesNotContain("secret"));
	}

	@Test
	void shouldFetchAtStartAndStopOnStop() {
		this.server.stubFor(get(urlPathEqualTo(PATH)).willReturn(xml(day("2025-10-22", "4.2500"))));

		this.refresher.start();

		await().atMost(PatientTestClients.PATIENCE)
			.untilAsserted(() -> assertThat(this.rates.date()).isEqualTo("2025-10-22"));
		assertThat(this.server.findAll(getRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
		this.refresher.stop();
		assertThat(this.refresher.isRunning()).isFalse();
	}

	@Test
	void shouldFetchNothingWithoutAUrl() {
		contextRunner().run(context -> assertThat(context).doesNotHaveBean(EcbRatesClient.class)
			.doesNotHaveBean(EcbRatesRefresher.class));
		contextRunner().withPropertyValues("gateway.pricing.ecb.url=")
			.run(context -> assertThat(context).doesNotHaveBean(EcbRatesRefresher.class));
		contextRunner().withPropertyValues("gateway.pricing.ecb.url=" + this.server.baseUrl() + PATH)
			.run(context -> assertThat(context).hasSingleBean(EcbRatesRefresher.class));
	}

	private EcbRatesRefresher refresher(Duration timeout) {
		EcbRatesClient client = EcbRatesClient.create(WebClient.builder(), URI.create(this.server.baseUrl() + PATH),
				timeout);
		return new EcbRatesRefresher(client, this.rates, Duration.ofHours(6));
	}

	private static ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner().withUserConfiguration(EcbRatesConfiguration.class, Beans.class)
			.withBean(ExchangeRates.class)
			.withBean(WebClient.Builder.class, WebClient::builder);
	}

	private static ResponseDefinitionBuilder xml(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
	}

	private static String day(String date, String plnPerEuro) {
		return BUNDLED.replace("2025-10-21", date).replace("rate='4.2393'", "rate='" + plnPerEuro + "'");
	}

	private static String bundled() {
		try (InputStream xml = new ClassPathResource(ExchangeRates.SNAPSHOT).getInputStream()) {
			return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@EnableConfigurationProperties(EcbProperties.class)
	static class Beans {

	}

}
