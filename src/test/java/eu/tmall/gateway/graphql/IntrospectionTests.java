package eu.tmall.gateway.graphql;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Introspection is on by default, and the full introspection query of GraphiQL and
 * codegen tools (graphql-js's, every option on) fits the default query limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureHttpGraphQlTester
class IntrospectionTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Test
	void shouldAnswerTheFullIntrospectionQueryWithinTheDefaultLimits() {
		this.graphQl.documentName("introspection")
			.execute()
			.errors()
			.verify()
			.path("__schema.queryType.name")
			.entity(String.class)
			.isEqualTo("Query");
	}

}
