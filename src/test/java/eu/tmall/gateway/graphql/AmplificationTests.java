package eu.tmall.gateway.graphql;

import java.util.HashMap;
import java.util.Map;

import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the default limits, a request that would page deep into the marketplaces is
 * refused before any upstream call: by its cost when it asks for many deep pages, by the
 * search depth when its cursor is past it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureWebTestClient
@Import(FixedClockConfiguration.class)
class AmplificationTests {

	@Autowired
	private WebTestClient http;

	@Autowired
	private EmbeddedUpstreams upstreams;

	private UpstreamCalls calls;

	@BeforeEach
	void resetJournals() {
		this.upstreams.reset();
		this.calls = new UpstreamCalls(this.upstreams);
	}

	@Test
	void shouldRefuseThirtyDeepSearchesUpFrontWithoutCallingAnUpstream() {
		post(Amplification.document(), Amplification.DEEPEST_CURSOR).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("QUERY_TOO_COMPLEX")
			.jsonPath("$.errors[0].message")
			.isEqualTo("the query costs 6750, more than gateway.limits.max-complexity (5000)");

		assertThat(this.calls.total()).isZero();
	}

	/**
	 * The cost limit's verdict on a document is kept for its variables' shape: a deep
	 * cursor must not pass on the verdict a shallow one earned.
	 */
	@Test
	void shouldMeasureADeepCursorVariableAgainAfterAShallowOnePassed() {
		post(Amplification.sameSearchDocument(), null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors")
			.doesNotExist()
			.jsonPath("$.data.s29.totalCount")
			.isNumber();
		this.upstreams.reset();

		post(Amplification.sameSearchDocument(), Amplification.DEEPEST_CURSOR).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("QUERY_TOO_COMPLEX");

		assertThat(this.calls.total()).isZero();
	}

	@Test
	void shouldRefuseACursorPastTheMaxSearchDepthWithoutCallingAnUpstream() {
		post("query($after: String) { search(query: \"e\", shipTo: \"DE\", first: 1, after: $after) { totalCount } }",
				Cursor.of(999))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(1)
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo(ErrorCode.BAD_USER_INPUT.name())
			.jsonPath("$.errors[0].message")
			.isEqualTo("argument 'after' points at result 1000, deeper than gateway.limits.max-search-depth (500):"
					+ " narrow the search instead of paging further");

		assertThat(this.calls.total()).isZero();
	}

	private WebTestClient.ResponseSpec post(String document, String after) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("after", after);
		return this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_GRAPHQL_RESPONSE)
			.bodyValue(Map.of("query", document, "variables", variables))
			.exchange();
	}

}
