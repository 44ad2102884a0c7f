package eu.tmall.gateway.graphql;

import graphql.introspection.Introspection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One setting switches introspection off, as production should.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.embedded.latency=0ms", "spring.graphql.schema.introspection.enabled=false" })
@AutoConfigureHttpGraphQlTester
class IntrospectionDisabledTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	/**
	 * Spring Boot switches introspection off for the whole JVM (graphql-java's
	 * Introspection.enabledJvmWide), so the contexts of later tests would lose it too.
	 */
	@AfterAll
	static void switchIntrospectionBackOn() {
		Introspection.enabledJvmWide(true);
	}

	@Test
	void shouldRefuseIntrospection() {
		this.graphQl.document("{ __schema { queryType { name } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage())
					.isEqualTo("Introspection has been disabled for this request")));
	}

	@Test
	void shouldStillAnswerQueries() {
		this.graphQl.document("{ __typename }").execute().path("__typename").entity(String.class).isEqualTo("Query");
	}

}
