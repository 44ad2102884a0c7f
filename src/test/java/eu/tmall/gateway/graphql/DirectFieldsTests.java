package eu.tmall.gateway.graphql;

import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.SchemaTraverser;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static graphql.schema.FieldCoordinates.coordinates;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field given only the arguments its shortcut reads, each of the type graphql-java
 * gives it, is answered by its direct call; one given anything else, by the fetcher
 * spring-graphql registered, which binds and validates it. Other fields are left alone.
 */
class DirectFieldsTests {

	private static final String SDL = """
			type Query { product: Product, seller: Seller, root(gtin: String, limit: Int): String, count(limit: Int): String }
			type Product {
			  offers(filter: String, sort: Sort! = CHEAP, shipTo: String): String
			  comparison(shipTo: String): String
			}
			type Seller { offers(sort: Sort! = CHEAP): String }
			enum Sort { CHEAP FAST }
			""";

	private final GraphQL graphQl = GraphQL.newGraphQL(schema()).build();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{ product { offers } }                          | direct CHEAP
			{ product { offers(sort: FAST) } }              | direct FAST
			{ product { offers(filter: null) } }            | direct CHEAP
			{ product { offers(filter: "x") } }             | bound
			{ product { offers(shipTo: "DE", sort: FAST) } } | bound
			{ product { comparison } }                      | direct
			{ product { comparison(shipTo: null) } }        | direct
			{ product { comparison(shipTo: "ES") } }        | bound
			""")
	void answersDirectlyOnlyWithoutArgumentsToBind(String query, String answer) {
		ExecutionResult result = this.graphQl.execute(query);

		assertThat(result.getErrors()).isEmpty();
		Map<String, Map<String, String>> data = result.getData();
		assertThat(data.get("product").values()).containsExactly(answer);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{ root(gtin: "4012778123313") }           | direct
			{ root }                                  | bound
			{ root(limit: 3) }                        | bound
			{ root(gtin: "4012778123313", limit: 3) } | bound
			{ count(limit: 3) }                       | bound
			""")
	void callsDirectlyOnlyWithEveryArgumentItReadsOfItsType(String query, String answer) {
		Map<String, String> data = this.graphQl.execute(query).getData();

		assertThat(data.values()).containsExactly(answer);
	}

	@ParameterizedTest
	@CsvSource({ "{ seller { offers } }", "{ seller { offers(sort: FAST) } }" })
	void leavesOtherFieldsAlone(String query) {
		Map<String, Map<String, String>> data = this.graphQl.execute(query).getData();

		assertThat(data.get("seller").get("offers")).isEqualTo("bound");
	}

	private static GraphQLSchema schema() {
		GraphQLSchema schema = new SchemaGenerator()
			.makeExecutableSchema(new SchemaParser().parse(SDL), RuntimeWiring.newRuntimeWiring()
				.type("Query",
						type -> type.dataFetcher("product", env -> Map.of())
							.dataFetcher("seller", env -> Map.of())
							.dataFetcher("root", env -> "bound")
							.dataFetcher("count", env -> "bound"))
				.type("Product",
						type -> type.dataFetcher("offers", env -> "bound").dataFetcher("comparison", env -> "bound"))
				.type("Seller", type -> type.dataFetcher("offers", env -> "bound"))
				.build());
		DirectFields visitor = new DirectFields(Map.of(coordinates("Query", "root"),
				new DirectFields.Shortcut(Map.of("gtin", String.class), env -> "direct"), coordinates("Query", "count"),
				// graphql-java gives an Int as an Integer
				new DirectFields.Shortcut(Map.of("limit", String.class), env -> "direct"),
				coordinates("Product", "offers"),
				new DirectFields.Shortcut(Map.of("sort", String.class), env -> "direct " + env.getArgument("sort")),
				coordinates("Product", "comparison"), new DirectFields.Shortcut(Map.of(), env -> "direct")));
		GraphQLCodeRegistry.Builder registry = GraphQLCodeRegistry.newCodeRegistry(schema.getCodeRegistry());
		new SchemaTraverser().depthFirstFullSchema(List.of(visitor), schema,
				Map.of(GraphQLCodeRegistry.Builder.class, registry));
		return schema.transform(builder -> builder.codeRegistry(registry.build()));
	}

}
