package eu.tmall.gateway.graphql;

import java.util.List;
import java.util.Map;

import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Each query limit lets a document at its value through and refuses one past it, with a
 * message that names the limit and its value. The limits are set low here so documents at
 * them stay readable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.embedded.latency=0ms", "gateway.limits.max-depth=3", "gateway.limits.max-aliases=2",
				"gateway.limits.max-complexity=50", "gateway.limits.max-tokens=40",
				"gateway.limits.max-whitespace-tokens=40", "gateway.limits.max-rule-depth=30",
				"gateway.limits.max-characters=1000" })
@AutoConfigureWebTestClient
class QueryLimitsTests {

	@Autowired
	private WebTestClient http;

	@Autowired
	private EmbeddedUpstreams upstreams;

	@Test
	void shouldTakeAQueryAsDeepAsMaxDepth() {
		ok("{ product(gtin: \"4006381333931\", shipTo: \"ES\") { brand { name } } }");
	}

	@Test
	void shouldRefuseAQueryDeeperThanMaxDepth() {
		refused("{ product(gtin: \"4006381333931\", shipTo: \"ES\") { offers { price { amount } } } }",
				"QUERY_TOO_DEEP", "the query is 4 fields deep, more than gateway.limits.max-depth (3)");
	}

	@Test
	void shouldTakeMaxAliases() {
		ok("{ a: __typename b: __typename }");
	}

	@Test
	void shouldRefuseMoreAliasesThanMaxAliases() {
		refused("{ a: __typename b: __typename c: __typename }", "TOO_MANY_ALIASES",
				"the query has 3 aliases, more than gateway.limits.max-aliases (2)");
	}

	@Test
	void shouldTakeAQueryCostingMaxComplexity() {
		// 15 products, each costing itself and its total count, and one page of each
		// marketplace, 10 each
		ok("{ search(query: \"headphones\", shipTo: \"DE\", first: 15) { totalCount } }");
	}

	@Test
	void shouldRefuseAQueryCostingMoreThanMaxComplexity() {
		refused("{ search(query: \"headphones\", shipTo: \"DE\", first: 16) { totalCount } }", "QUERY_TOO_COMPLEX",
				"the query costs 52, more than gateway.limits.max-complexity (50)");
	}

	@Test
	void shouldWeighProductsByTheirNumberOfGtins() {
		String document = "query($gtins: [GTIN!]!) { products(gtins: $gtins, shipTo: \"ES\") { title } }";
		List<String> gtins = this.upstreams.catalog().sharedGtins();

		for (int i = 0; i < 2; i++) {
			ok(document, gtins.subList(0, 25));
			refused(document, gtins.subList(0, 26), "QUERY_TOO_COMPLEX",
					"the query costs 52, more than gateway.limits.max-complexity (50)");
		}
	}

	/**
	 * Limits measure an operation once and remember only that it passed: the same
	 * document is measured again for other variables, and one over a limit is refused
	 * every time.
	 */
	@Test
	void shouldMeasureTheSameDocumentAgainForOtherVariables() {
		String document = """
				query($deep: Boolean!) {
				  product(gtin: "4006381333931", shipTo: "ES") { offers @include(if: $deep) { price { amount } } }
				}""";

		for (int i = 0; i < 2; i++) {
			post(document, Map.of("deep", false)).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.errors")
				.doesNotExist();
			post(document, Map.of("deep", true)).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("QUERY_TOO_DEEP");
		}
	}

	@Test
	void shouldTakeMaxTokens() {
		// graphql-java counts the end of the document as a token too: 37 + 2 + 1
		ok("{ " + "__typename ".repeat(37) + "}");
	}

	@Test
	void shouldRefuseMoreTokensThanMaxTokens() {
		refused("{ " + "__typename ".repeat(38) + "}", "QUERY_TOO_LARGE",
				"the query is larger than gateway.limits.max-tokens (40): More than 40 'grammar' tokens have been presented. To prevent Denial Of Service attacks, parsing has been cancelled.");
	}

	@Test
	void shouldTakeMaxWhitespaceTokens() {
		// commas are whitespace to GraphQL, each a token of its own
		ok("{" + ",".repeat(40) + "__typename}");
	}

	@Test
	void shouldRefuseMoreWhitespaceTokensThanMaxWhitespaceTokens() {
		refused("{" + ",".repeat(41) + "__typename}", "QUERY_TOO_LARGE",
				"the query is larger than gateway.limits.max-whitespace-tokens (40): More than 40 'whitespace' tokens have been presented. To prevent Denial Of Service attacks, parsing has been cancelled.");
	}

	@Test
	void shouldParseADocumentAtMaxRuleDepth() {
		// seven nested selections take the parser 30 rules deep: the document parses, and
		// then fails validation
		post(nested(7), List.of()).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("ValidationError");
	}

	@Test
	void shouldRefuseADocumentPastMaxRuleDepth() {
		refused(nested(8), "QUERY_TOO_LARGE",
				"the query is larger than gateway.limits.max-rule-depth (30): More than 30 deep 'grammar' rules have been entered. To prevent Denial Of Service attacks, parsing has been cancelled.");
	}

	@Test
	void shouldTakeMaxCharacters() {
		// padded with a comment: graphql-java counts every space as a whitespace token
		String document = "{ __typename }\n#";
		ok(document + "x".repeat(1000 - document.length()));
	}

	@Test
	void shouldRefuseMoreCharactersThanMaxCharacters() {
		String document = "{ __typename }\n#";
		refused(document + "x".repeat(1001 - document.length()), "QUERY_TOO_LARGE",
				"the query has 1001 characters, more than gateway.limits.max-characters (1000)");
	}

	private static String nested(int levels) {
		return "{" + "a{".repeat(levels) + "a" + "}".repeat(levels + 1);
	}

	private void ok(String document) {
		ok(document, List.of());
	}

	private void ok(String document, List<String> gtins) {
		post(document, gtins).expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist();
	}

	private void refused(String document, String code, String message) {
		refused(document, List.of(), code, message);
	}

	private void refused(String document, List<String> gtins, String code, String message) {
		post(document, gtins).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors.length()")
			.isEqualTo(1)
			.jsonPath("$.errors[0].message")
			.isEqualTo(message)
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo(code);
	}

	@Test
	void shouldMeasureEachOperationOfADocument() {
		String document = """
				query Shallow { __typename }
				query Deep { product(gtin: "4006381333931", shipTo: "ES") { offers { price { amount } } } }""";

		post(document, "Shallow").expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist();
		post(document, "Deep").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("QUERY_TOO_DEEP");
	}

	private WebTestClient.ResponseSpec post(String document, String operationName) {
		return this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_GRAPHQL_RESPONSE)
			.bodyValue(Map.of("query", document, "operationName", operationName))
			.exchange();
	}

	private WebTestClient.ResponseSpec post(String document, List<String> gtins) {
		return post(document, Map.of("gtins", gtins));
	}

	private WebTestClient.ResponseSpec post(String document, Map<String, Object> variables) {
		return this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_GRAPHQL_RESPONSE)
			.bodyValue(Map.of("query", document, "variables", variables))
			.exchange();
	}

}
