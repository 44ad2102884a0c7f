package eu.tmall.gateway.graphql;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An execution that never ends (a bug) is answered after twice the request deadline, in
 * virtual time; one that ends in time is left alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnfinishedExecutionsTests {

	private static final Duration DEADLINE = Duration.ofSeconds(5);

	private final UnfinishedExecutions net = new UnfinishedExecutions(limits(DEADLINE));

	@Test
	void shouldAnswerAnExecutionThatNeverEndsWithAnInternalErrorAfterTwiceTheDeadline(CapturedOutput output) {
		StepVerifier.withVirtualTime(() -> this.net.intercept(request(), request -> Mono.never()))
			.expectSubscription()
			.expectNoEvent(DEADLINE.multipliedBy(2).minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.assertNext(response -> {
				assertThat((Object) response.getData()).isNull();
				List<ResponseError> errors = response.getErrors();
				assertThat(errors).singleElement().satisfies(error -> {
					assertThat(error.getExtensions()).containsEntry("code", "INTERNAL_ERROR");
					assertThat(error.getMessage()).contains("within 10 s");
				});
			})
			.verifyComplete();
		assertThat(output.getOut().lines().filter(line -> line.contains("ERROR"))).singleElement()
			.satisfies(line -> assertThat(line).contains("still executing PT10S"));
		assertThat(output.getOut()).doesNotContain("\tat ");
	}

	@Test
	void shouldPassOnTheAnswerOfAnExecutionThatEndsInTime() {
		WebGraphQlRequest request = request();
		WebGraphQlResponse answer = new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
				request.toExecutionInput(), ExecutionResult.newExecutionResult().data(Map.of("ok", true)).build()));

		StepVerifier
			.withVirtualTime(() -> this.net.intercept(request,
					next -> Mono.just(answer).delayElement(DEADLINE.multipliedBy(2).minusMillis(1))))
			.expectSubscription()
			.thenAwait(DEADLINE.multipliedBy(2))
			.expectNext(answer)
			.verifyComplete();
	}

	private static QueryLimits limits(Duration deadline) {
		return new QueryLimits(DataSize.ofKilobytes(100), 20000, 5000, 20000, 500, 15, 5000, 30, 500, 10, 40, deadline);
	}

	private static WebGraphQlRequest request() {
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null,
				new HashMap<>(), Map.of("query", "{ __typename }"), "1", null);
	}

}
