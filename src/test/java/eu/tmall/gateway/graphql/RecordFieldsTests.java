package eu.tmall.gateway.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.SchemaTraverser;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static graphql.Scalars.GraphQLString;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field without a fetcher of its own reads what graphql-java's property fetcher reads,
 * whatever its source: a record's or a class's method of its name, a map's entry (even
 * one named as a map's method), a bean's getter, a record's getter where it has one too.
 */
class RecordFieldsTests {

	private static final String SDL = """
			type Query { items: [Item], fixed: String }
			type Item { name: String, size: Int, label: String, free: Boolean, missing: String }
			""";

	private static final GraphQLFieldDefinition ANY = newFieldDefinition().name("any").type(GraphQLString).build();

	private static final Supplier<DataFetchingEnvironment> NO_ENV = () -> {
		throw new AssertionError("a record's method needs no environment");
	};

	private final List<Object> items = List.of(new Item("kettle", 3, 2), Map.of("name", "map", "size", 7),
			new Bean("bean"), new Item("toaster", 5, 0), new Getters("getters"), new Methods("methods"));

	@Test
	void answersWhatGraphQlJavasFetcherAnswers() {
		String query = "{ items { name size label free missing } fixed }";

		Map<String, Object> data = graphQl(true).execute(query).getData();

		assertThat(data).isEqualTo(graphQl(false).execute(query).getData());
		// a method that is not public is not read, by either
		assertThat(data.get("items")).asInstanceOf(InstanceOfAssertFactories.list(Map.class))
			.first()
			.satisfies(item -> assertThat(item).containsEntry("name", "kettle")
				.containsEntry("size", 3)
				.containsEntry("free", false)
				.containsEntry("missing", "kettle")
				.containsEntry("label", null));
		assertThat(data.get("fixed")).isEqualTo("fixed");
	}

	@Test
	void leavesFieldsWithAFetcherOfTheirOwnAlone() {
		GraphQLSchema schema = schema(true);

		DataFetcher<?> fixed = schema.getCodeRegistry()
			.getDataFetcher(FieldCoordinates.coordinates("Query", "fixed"), schema.getQueryType().getField("fixed"));
		DataFetcher<?> name = schema.getCodeRegistry()
			.getDataFetcher(FieldCoordinates.coordinates("Item", "name"),
					schema.getObjectType("Item").getField("name"));

		assertThat(fixed).isNotInstanceOf(RecordFields.Fetcher.class);
		assertThat(name).isInstanceOf(RecordFields.Fetcher.class);
	}

	@Test
	void readsARecordsMethodWithoutAnEnvironmentAndOtherSourcesByName() throws Exception {
		RecordFields.Fetcher name = new RecordFields.Fetcher("name");
		RecordFields.Fetcher free = new RecordFields.Fetcher("free");

		assertThat(name.get(ANY, new Item("kettle", 3, 2), NO_ENV)).isEqualTo("kettle");
		assertThat(free.get(ANY, new Item("kettle", 3, 0), NO_ENV)).isEqualTo(true);
		assertThat(name.get(ANY, Map.of("name", "map"), NO_ENV)).isEqualTo("map");
		assertThat(name.get(ANY, new Item("toaster", 5, 0), NO_ENV)).isEqualTo("toaster");
		assertThat(name.get(ANY, null, NO_ENV)).isNull();
		assertThat(name.get(ANY, new Methods("methods"), NO_ENV)).isEqualTo("methods");
	}

	@Test
	void readsThroughAMethodOnlyWhereGraphQlJavaWouldReadThatMethod() {
		assertThat(RecordFields.Reader.of(Item.class, "name").read()).isNotNull();
		assertThat(RecordFields.Reader.of(Methods.class, "name").read()).isNotNull();
		assertThat(RecordFields.Reader.of(Item.class, "label").read()).as("not public").isNull();
		assertThat(RecordFields.Reader.of(Getters.class, "name").read()).as("a getter too").isNull();
		assertThat(RecordFields.Reader.of(HashMap.class, "size").read()).as("a map").isNull();
		assertThat(RecordFields.Reader.of(Item.class, "hashCode").read()).as("Object's").isNull();
		assertThat(RecordFields.Reader.of(Bean.class, "name").read()).as("a getter only").isNull();
	}

	@Test
	void buildsOneReaderPerSourceClassWhenSourcesAlternate() throws Exception {
		RecordFields.Fetcher name = new RecordFields.Fetcher("name");
		RecordFields.Reader items = name.reader(Item.class);

		for (int i = 0; i < 3; i++) {
			assertThat(name.get(ANY, new Item("kettle", 3, 2), NO_ENV)).isEqualTo("kettle");
			assertThat(name.get(ANY, new Methods("methods"), NO_ENV)).isEqualTo("methods");
		}

		assertThat(name.reader(Item.class)).isSameAs(items);
		assertThat(name.reader(Methods.class)).isSameAs(name.reader(Methods.class)).isNotSameAs(items);
	}

	@Test
	void readsAMapsEntryNotItsMethod() throws Exception {
		RecordFields.Fetcher size = new RecordFields.Fetcher("size");
		Map<String, Object> source = Map.of("size", "large");
		DataFetchingEnvironment env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.source(source)
			.fieldDefinition(ANY)
			.build();

		assertThat(size.get(ANY, source, () -> env)).isEqualTo("large");
	}

	@Test
	void readsARecordWithAGetterOfTheNameAsGraphQlJavaDoes() throws Exception {
		RecordFields.Fetcher name = new RecordFields.Fetcher("name");
		Getters source = new Getters("getters");
		DataFetchingEnvironment env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.source(source)
			.fieldDefinition(ANY)
			.build();

		assertThat(name.get(ANY, source, () -> env))
			.isEqualTo(PropertyDataFetcher.fetching("name").get(ANY, source, () -> env));
	}

	private GraphQL graphQl(boolean recordFields) {
		return GraphQL.newGraphQL(schema(recordFields)).build();
	}

	private GraphQLSchema schema(boolean recordFields) {
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL),
				RuntimeWiring.newRuntimeWiring()
					.type("Query",
							type -> type.dataFetcher("items", env -> this.items).dataFetcher("fixed", env -> "fixed"))
					.build());
		if (!recordFields) {
			return schema;
		}
		GraphQLCodeRegistry.Builder registry = GraphQLCodeRegistry.newCodeRegistry(schema.getCodeRegistry());
		new SchemaTraverser().depthFirstFullSchema(List.of(new RecordFields()), schema,
				Map.of(GraphQLCodeRegistry.Builder.class, registry));
		return schema.transform(builder -> builder.codeRegistry(registry.build()));
	}

	/**
	 * Package-private, as most of the gateway's records are; one method is no component.
	 */
	record Item(String name, int size, int stock) {

		String label() {
			return this.name + " of " + this.size;
		}

		public boolean free() {
			return this.stock == 0;
		}

		public String missing() {
			return this.name;
		}

	}

	/**
	 * A record with a getter of the same name too: graphql-java decides which it reads.
	 */
	record Getters(String name) {

		public String getName() {
			return "got " + this.name;
		}

	}

	/**
	 * Not a record, but with a record-like method of the field's name, as {@code Quote}.
	 */
	static final class Methods {

		private final String name;

		Methods(String name) {
			this.name = name;
		}

		public String name() {
			return this.name;
		}

	}

	/** Not a record: read by name. */
	public static final class Bean {

		private final String name;

		Bean(String name) {
			this.name = name;
		}

		public String getName() {
			return this.name;
		}

	}

}
