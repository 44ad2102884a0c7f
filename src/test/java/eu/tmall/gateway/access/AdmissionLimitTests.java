package eu.tmall.gateway.access;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import eu.tmall.gateway.access.AdmissionLimit.Outcome;
import eu.tmall.gateway.observability.RequestClient;
import graphql.ErrorClassification;
import graphql.language.SourceLocation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admission filter on its own, its limit fixed at two: requests held in flight by the
 * test, released when it says so.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdmissionLimitTests {

	private static final int LIMIT = 2;

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();

	private final AdmissionLimit admission = new AdmissionLimit(
			new AdmissionProperties(true, AdmissionProperties.Algorithm.FIXED, LIMIT, 1, LIMIT, 2.0,
					Duration.ofSeconds(1), Duration.ofSeconds(10)),
			new ErrorResponses(JsonMapper.builder().build(), () -> "4bf92f3577b34da6a3ce929d0e0e4736"), this.registry,
			this.scheduler);

	/** The requests the chain holds in flight, each until its sink completes. */
	private final List<Sinks.Empty<Void>> held = new ArrayList<>();

	private final WebFilterChain holdingChain = exchange -> {
		Sinks.Empty<Void> sink = Sinks.empty();
		this.held.add(sink);
		return sink.asMono();
	};

	@Test
	void shouldRefuseTheExcessAtOnceWith503RetryAfterAndOverloaded() {
		this.admission.filter(graphQlRequest(), this.holdingChain).subscribe();
		this.admission.filter(graphQlRequest(), this.holdingChain).subscribe();

		MockServerWebExchange third = graphQlRequest();
		// completes without a sink of ours completing: answered at once, not queued
		this.admission.filter(third, this.holdingChain).block(Duration.ofSeconds(5));

		assertThat(this.held).hasSize(LIMIT);
		assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(third.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(third.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
			.contains("\"code\":\"OVERLOADED\"")
			.contains("\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"")
			.contains("retry after 1 s")
			.doesNotContain("\"data\"");
		assertThat(gauge(AdmissionLimit.IN_FLIGHT)).isEqualTo(LIMIT);
		assertThat(gauge(AdmissionLimit.LIMIT)).isEqualTo(LIMIT);
		assertThat(this.registry.get(AdmissionLimit.REJECTIONS).counter().count()).isEqualTo(1);
	}

	@Test
	void shouldAdmitAgainWhenARequestInFlightIsAnswered() {
		this.admission.filter(graphQlRequest(), this.holdingChain).subscribe();
		this.admission.filter(graphQlRequest(), this.holdingChain).subscribe();
		assertThat(refusedNow()).isTrue();

		this.held.get(0).tryEmitEmpty();

		MockServerWebExchange next = graphQlRequest();
		this.admission.filter(next, this.holdingChain).subscribe();
		assertThat(this.held).hasSize(LIMIT + 1);
		assertThat(next.getResponse().getStatusCode()).isNull();
		assertThat(refusedNow()).isTrue();
		assertThat(gauge(AdmissionLimit.IN_FLIGHT)).isEqualTo(LIMIT);
	}

	@Test
	void shouldGiveThePlaceBackWhenTheClientHangsUpWithoutTakingItsTime() {
		Disposable abandoned = this.admission.filter(graphQlRequest(), this.holdingChain).subscribe();
		this.admission.filter(graphQlRequest(), this.holdingChain).subscribe();

		abandoned.dispose();

		assertThat(gauge(AdmissionLimit.IN_FLIGHT)).isEqualTo(LIMIT - 1);
		assertThat(released(Outcome.IGNORED)).isEqualTo(1);
		assertThat(released(Outcome.SUCCESS)).isZero();
		assertThat(refusedNow()).isFalse();
	}

	@Test
	void shouldTakeTheTimeOfAnAnswerAsTheOutcomeItsErrorsSay() {
		List<MockServerWebExchange> exchanges = List.of(graphQlRequest(), graphQlRequest());
		exchanges.forEach(exchange -> this.admission.filter(exchange, this.holdingChain).subscribe());
		admissionOf(exchanges.get(0)).answered(Outcome.SUCCESS);
		admissionOf(exchanges.get(1)).answered(Outcome.DROPPED);

		this.held.forEach(Sinks.Empty::tryEmitEmpty);

		assertThat(released(Outcome.SUCCESS)).isEqualTo(1);
		assertThat(released(Outcome.DROPPED)).isEqualTo(1);
		assertThat(gauge(AdmissionLimit.IN_FLIGHT)).isZero();
	}

	@Test
	void shouldCountAFailedRequestAsIgnored() {
		WebFilterChain failing = exchange -> Mono.error(new IllegalStateException("a bug"));
		MockServerWebExchange exchange = graphQlRequest();

		this.admission.filter(exchange, failing).onErrorComplete().block(Duration.ofSeconds(5));

		assertThat(released(Outcome.IGNORED)).isEqualTo(1);
		assertThat(gauge(AdmissionLimit.IN_FLIGHT)).isZero();
	}

	@Test
	void shouldLetOtherRequestsThroughUncounted() {
		this.admission.filter(graphQlRequest(), this.holdingChain).subscribe();
		this.admission.filter(graphQlRequest(), this.holdingChain).subscribe();
		MockServerWebExchange page = MockServerWebExchange.from(MockServerHttpRequest.get("/graphiql"));

		this.admission.filter(page, this.holdingChain).subscribe();

		assertThat(this.held).hasSize(LIMIT + 1);
		assertThat(page.getResponse().getStatusCode()).isNull();
		assertThat(gauge(AdmissionLimit.IN_FLIGHT)).isEqualTo(LIMIT);
	}

	@Test
	void shouldLogRefusalsAtMostOncePerIntervalWithTheirCount(CapturedOutput output) {
		this.admission.filter(graphQlRequest(), this.holdingChain).subscribe();
		this.admission.filter(graphQlRequest(), this.holdingChain).subscribe();

		for (int i = 0; i < 5; i++) {
			refusedNow();
		}
		assertThat(refusalLines(output)).containsExactly("refused count=1");

		this.scheduler.advanceTimeBy(Duration.ofSeconds(10));

		assertThat(refusalLines(output)).containsExactly("refused count=1", "refused count=4");
		assertThat(this.registry.get(AdmissionLimit.REJECTIONS).counter().count()).isEqualTo(5);
	}

	@Test
	void shouldClassifyAnAnswerByItsErrors() {
		assertThat(AdmissionOutcomes.outcome(List.of())).isEqualTo(Outcome.SUCCESS);
		assertThat(AdmissionOutcomes.outcome(List.of(error("UPSTREAM_TIMEOUT"), error("REQUEST_DEADLINE_EXCEEDED"))))
			.isEqualTo(Outcome.DROPPED);
		assertThat(AdmissionOutcomes.outcome(List.of(error("UPSTREAM_TIMEOUT")))).isEqualTo(Outcome.IGNORED);
		assertThat(AdmissionOutcomes.outcome(List.of(error("UPSTREAM_UNAVAILABLE")))).isEqualTo(Outcome.IGNORED);
		assertThat(AdmissionOutcomes.outcome(List.of(error("GRAPHQL_VALIDATION_FAILED")))).isEqualTo(Outcome.IGNORED);
	}

	private boolean refusedNow() {
		MockServerWebExchange exchange = graphQlRequest();
		this.admission.filter(exchange, this.holdingChain).subscribe();
		return exchange.getResponse().getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE;
	}

	private static MockServerWebExchange graphQlRequest() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/graphql"));
		// what GraphQlRequestFilter puts on every request it lets through
		exchange.getAttributes().put(RequestClient.ATTRIBUTE, RequestClient.ANONYMOUS);
		return exchange;
	}

	private static AdmissionLimit.Admission admissionOf(ServerWebExchange exchange) {
		return exchange.getRequiredAttribute(AdmissionLimit.ATTRIBUTE);
	}

	private double gauge(String name) {
		return this.registry.get(name).gauge().value();
	}

	private double released(Outcome outcome) {
		return this.registry.get(AdmissionLimit.RELEASED)
			.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
			.counter()
			.count();
	}

	private static List<String> refusalLines(CapturedOutput output) {
		return output.getOut()
			.lines()
			.filter(line -> line.contains("overloaded: refused"))
			.map(line -> line.replaceAll(".*overloaded: (refused count=\\d+).*", "$1"))
			.toList();
	}

	private static ResponseError error(String code) {
		return new ResponseError() {

			@Override
			public String getMessage() {
				return code;
			}

			@Override
			public ErrorClassification getErrorType() {
				return ErrorType.INTERNAL_ERROR;
			}

			@Override
			public String getPath() {
				return "product";
			}

			@Override
			public List<Object> getParsedPath() {
				return List.of("product");
			}

			@Override
			public List<SourceLocation> getLocations() {
				return List.of();
			}

			@Override
			public Map<String, Object> getExtensions() {
				return Map.of("code", code);
			}

		};
	}

}
