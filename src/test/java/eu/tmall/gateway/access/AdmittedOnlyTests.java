package eu.tmall.gateway.access;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import eu.tmall.gateway.observability.RequestClient;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Access fails closed: only a request the access checks admitted (and named the client
 * of) is executed.
 */
class AdmittedOnlyTests {

	private final AdmittedOnly admittedOnly = new AdmittedOnly();

	@Test
	void shouldRefuseARequestTheChecksNeverSaw() {
		AtomicBoolean executed = new AtomicBoolean();

		Mono<?> answer = this.admittedOnly.intercept(request(Map.of()), request -> {
			executed.set(true);
			return Mono.empty();
		});

		assertThatExceptionOfType(ResponseStatusException.class).isThrownBy(answer::block)
			.satisfies(ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
		assertThat(executed).isFalse();
	}

	@Test
	void shouldExecuteAnAdmittedRequest() {
		AtomicBoolean executed = new AtomicBoolean();

		this.admittedOnly.intercept(request(Map.of(RequestClient.ATTRIBUTE, "acme")), request -> {
			executed.set(true);
			return Mono.empty();
		}).block();

		assertThat(executed).isTrue();
	}

	private static WebGraphQlRequest request(Map<String, Object> attributes) {
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null,
				new HashMap<>(attributes), Map.of("query", "{ __typename }"), "1", null);
	}

}
