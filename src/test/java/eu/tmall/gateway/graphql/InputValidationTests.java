package eu.tmall.gateway.graphql;

import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad arguments get a GraphQL error that names the argument and what is wrong with it,
 * and no upstream is called for them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureHttpGraphQlTester
@Import(FixedClockConfiguration.class)
class InputValidationTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private EmbeddedUpstreams upstreams;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"{ product(gtin: \"4006381333932\", shipTo: \"ES\") { title } }|'gtin'|check digit should be 1, not 2",
			"{ product(gtin: \"2112345678900\", shipTo: \"ES\") { title } }|'gtin'|prefix 21 is restricted",
			"{ product(gtin: \"123\", shipTo: \"ES\") { title } }|'gtin'|expected 8, 12, 13 or 14 digits",
			"{ product(gtin: \"4006381333931\", shipTo: \"US\") { title } }|'shipTo'|'US' is not an EU country",
			"{ products(gtins: [\"4006381333931\"], shipTo: \"es\") { title } }|'shipTo'|not an ISO 3166-1 alpha-2",
			"{ search(query: \"headphones\", shipTo: \"DE\", first: 0) { totalCount } }|'first'|greater than or equal to 1",
			"{ search(query: \"headphones\", shipTo: \"DE\", first: 101) { totalCount } }|'first'|less than or equal to 100",
			"{ search(query: \" \", shipTo: \"DE\") { totalCount } }|'query'|must not be blank",
			"{ search(query: \"headphones\", shipTo: \"DE\", after: \"bm9wZQ\") { totalCount } }|'after'|not a cursor of this connection",
			"{ node(id: \"UHJvZHVjdDp4\") { id } }|'id'|not an id of this API",
			"{ product(gtin: \"4006381333931\", shipTo: \"NO\") { title } }|'shipTo'|'NO' is not an EU country",
			"{ product(gtin: \"4006381333931\", shipTo: \"XX\") { title } }|'shipTo'|'XX' is not an ISO 3166-1 alpha-2",
			"{ product(gtin: \"4006381333931\", shipTo: \"ES\", currency: USD) { title } }|'currency'|'Currency'",
			"{ product(gtin: \"4012778123313\", shipTo: \"ES\") { offers(filter: {maxDeliveryDays: -1}) { id } } }|'filter.maxDeliveryDays'|must be greater than or equal to 0",
			"{ product(gtin: \"4012778123313\", shipTo: \"ES\") { offers(filter: {maxLandedCost: \"-0.01\"}) { id } } }|'filter.maxLandedCost'|must be greater than or equal to 0",
			"{ product(gtin: \"4012778123313\", shipTo: \"ES\") { offers(filter: {maxLandedCost: \"ten\"}) { id } } }|'filter.maxLandedCost'|'ten' is not a decimal number",
			"{ search(query: \"headphones\", shipTo: \"DE\", after: \"c2VhcmNoOjUwMDA\") { totalCount } }|'after'|deeper than gateway.limits.max-search-depth (500)" })
	void shouldNameTheArgumentAndTheProblem(String document, String argument, String problem) {
		this.graphQl.document(document).execute().errors().satisfy(errors -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getMessage()).contains(argument).contains(problem);
		});
	}

	@Test
	void shouldTakeFirstUpTo100() {
		this.graphQl.document("{ search(query: \"headphones\", shipTo: \"DE\", first: 100) { totalCount } }")
			.execute()
			.errors()
			.verify();
	}

	@Test
	void shouldTakeUpTo100Gtins() {
		this.graphQl.documentName("products")
			.variable("gtins", this.upstreams.catalog().sharedGtins().subList(0, 100))
			.variable("shipTo", "PT")
			.execute()
			.errors()
			.verify()
			.path("products")
			.entityList(Object.class)
			.hasSize(100);
	}

	@Test
	void shouldRefuseMoreThan100Gtins() {
		this.graphQl.documentName("products")
			.variable("gtins", this.upstreams.catalog().sharedGtins().subList(0, 101))
			.variable("shipTo", "PT")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("'gtins'")
					.contains("size must be between 0 and 100")));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "4006381333932|check digit should be 1, not 2",
			"9912345678909|prefix 99 is reserved", "00000000|GTIN-8 numbers starting with 0 or 2" })
	void shouldValidateGtinsPassedAsVariables(String gtin, String problem) {
		this.graphQl.documentName("product")
			.variable("gtin", gtin)
			.variable("shipTo", "ES")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("'gtin'").contains(problem)));
	}

}
