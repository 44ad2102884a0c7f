package eu.tmall.gateway.graphql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Introspection is on by default, and the full introspection query of GraphiQL and
 * codegen tools (graphql-js's, every option on) fits the default query limits; it names
 * the specification of each standard scalar for them.
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

	@ParameterizedTest
	@CsvSource({ "GTIN, https://www.gs1.org/standards/id-keys/gtin",
			"CountryCode, https://www.iso.org/iso-3166-country-codes.html",
			"Date, https://www.rfc-editor.org/rfc/rfc3339#section-5.6" })
	void shouldNameTheSpecificationOfEachStandardScalar(String scalar, String specification) {
		this.graphQl.document("query($name: String!) { __type(name: $name) { specifiedByURL } }")
			.variable("name", scalar)
			.execute()
			.path("__type.specifiedByURL")
			.entity(String.class)
			.isEqualTo(specification);
	}

	@Test
	void shouldRefuseIntrospectionThatRepeatsItselfAsTooComplex() {
		this.graphQl.document("{ a: __type(name: \"GTIN\") { name } b: __type(name: \"Date\") { name } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX")));
	}

}
