package eu.tmall.gateway.graphql;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.apollographql.federation.graphqljava.Federation;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.RuntimeWiring;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a query costs on the gateway's schema, upstream calls included: a search pays for
 * the pages of both marketplaces it may read, a deep cursor for every page before it.
 */
class QueryCostTests {

	private static final GraphQLSchema SCHEMA = schema();

	private static final String SEARCH = """
			query($after: String, $first: Int!) {
			  search(query: "e", shipTo: "DE", first: $first, after: $after) { edges { node { gtin } } }
			}""";

	private final QueryCost cost = new QueryCost(2, 10, 500);

	@Test
	void shouldChargeASearchTheFirstPageOfEachMarketplace() {
		// one edge with a node with a GTIN: 1 + 3; one page of each of 2 marketplaces, 10
		// each
		assertThat(cost(SEARCH, Map.of())).isEqualTo(4 + 20);
	}

	@Test
	void shouldChargeADeepCursorEveryPageBeforeIt() {
		// offset 500, 502 results wanted: 11 pages of 50 of each marketplace
		assertThat(cost(SEARCH, Map.of("after", Cursor.of(499)))).isEqualTo(4 + 2 * 11 * 10);
		// 601 results wanted: 13 pages
		assertThat(cost(SEARCH, Map.of("after", Cursor.of(499), "first", 100))).isEqualTo(100 * 4 + 2 * 13 * 10);
	}

	@Test
	void shouldChargeEveryCursorOfOneUpstreamPageAlike() {
		int deepestOfAPage = cost(SEARCH, Map.of("after", Cursor.of(449)));
		assertThat(cost(SEARCH, Map.of("after", Cursor.of(400)))).isEqualTo(deepestOfAPage);
		assertThat(cost(SEARCH, Map.of("after", Cursor.of(450)))).isGreaterThan(deepestOfAPage);

		assertThat(this.cost.shapeOf(Cursor.of(400))).isEqualTo(this.cost.shapeOf(Cursor.of(449)))
			.isNotEqualTo(this.cost.shapeOf(Cursor.of(450)));
	}

	@Test
	void shouldChargeACursorTheSearchRefusesNoPages() {
		int shallow = cost(SEARCH, Map.of());

		assertThat(cost(SEARCH, Map.of("after", Cursor.of(500)))).isEqualTo(shallow);
		assertThat(cost(SEARCH, Map.of("after", "bm9wZQ"))).isEqualTo(shallow);
		assertThat(this.cost.shapeOf("bm9wZQ")).isEqualTo(this.cost.shapeOf("4006381333931"))
			.isEqualTo(this.cost.shapeOf(Cursor.of(999)));
	}

	@Test
	void shouldRefuseTheAmplificationQueryAtTheDefaultLimit() {
		StringBuilder aliases = new StringBuilder("query($after: String) {");
		for (int i = 0; i < 30; i++) {
			aliases.append(
					" s%d: search(query: \"e\", shipTo: \"DE\", first: 1, after: $after) { edges { node { gtin } } }"
						.formatted(i));
		}

		// the deepest cursor gateway.limits.max-search-depth lets through
		int amplification = cost(aliases.append(" }").toString(), Map.of("after", Cursor.of(499)));

		assertThat(amplification).isEqualTo(30 * (4 + 2 * 11 * 10)).isGreaterThan(5_000);
	}

	@Test
	void shouldChargeShippingOptionsOneFreightCall() {
		String product = """
				{ product(gtin: "8479235294249", shipTo: "ES") { offers { shippingOptions { service } } } }""";

		// product, offers, shippingOptions and service: 4, and one call: 10
		assertThat(cost(product, Map.of())).isEqualTo(4 + 10);
	}

	@Test
	void shouldChargeEntitiesAsProductsOfAsManyGtins() {
		String products = """
				query($gtins: [GTIN!]!) { products(gtins: $gtins, shipTo: "ES") { offers { marketplace } } }""";
		String entities = """
				query($representations: [_Any!]!) {
				  _entities(representations: $representations) { ... on Product { offers(shipTo: "ES") { marketplace } } }
				}""";
		List<String> gtins = Collections.nCopies(50, "8479235294249");
		List<Map<String, String>> representations = Collections.nCopies(50,
				Map.of("__typename", "Product", "gtin", "8479235294249"));

		// 50 times: the field, offers and marketplace
		assertThat(cost(entities, Map.of("representations", representations))).isEqualTo(50 * 3)
			.isEqualTo(cost(products, Map.of("gtins", gtins)));
	}

	/** The cost with these variables, {@code first} 1 unless they say otherwise. */
	private int cost(String document, Map<String, Object> variables) {
		Map<String, Object> withFirst = new HashMap<>(variables);
		withFirst.putIfAbsent("first", 1);
		return QueryComplexityCalculator.newCalculator()
			.schema(SCHEMA)
			.document(Parser.parse(document))
			.variables(CoercedVariables.of(withFirst))
			.fieldComplexityCalculator(this.cost)
			.build()
			.calculate();
	}

	private static GraphQLSchema schema() {
		TypeDefinitionRegistry types = new TypeDefinitionRegistry();
		try {
			for (Resource file : new PathMatchingResourcePatternResolver()
				.getResources("classpath:graphql/*.graphqls")) {
				try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
					types.merge(new SchemaParser().parse(reader));
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		// the subgraph's schema, _entities included, as FederationSchemaFactory makes it
		return Federation.transform(types, RuntimeWiring.MOCKED_WIRING)
			.fetchEntities(env -> null)
			.resolveEntityType(env -> null)
			.build();
	}

}
