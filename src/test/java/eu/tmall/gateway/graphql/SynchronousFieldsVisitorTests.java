package eu.tmall.gateway.graphql;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.SchemaTraverser;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A {@link ContextFree} method is marked to skip spring-graphql's snapshot, one that is
 * not stays as it is, and one declared to answer a Mono stops the start.
 */
class SynchronousFieldsVisitorTests {

	private static final FieldCoordinates OFFERS = FieldCoordinates.coordinates("Product", "offers");

	@Test
	void shouldMarkAContextFreeMethodsFetcher() throws Exception {
		assertThat(visited("value")).isInstanceOf(TrivialDataFetcher.class);
	}

	@Test
	void shouldMarkAContextFreeMethodAnsweringAFuture() throws Exception {
		assertThat(visited("future")).isInstanceOf(TrivialDataFetcher.class);
	}

	@Test
	void shouldLeaveAnUnmarkedMethodsFetcherAsItIs() throws Exception {
		assertThat(visited("unmarked")).isInstanceOf(Described.class);
	}

	@Test
	void shouldRefuseAContextFreeMethodThatAnswersAMono() {
		assertThatIllegalStateException().isThrownBy(() -> visited("mono"))
			.withMessageContaining("Product.offers is @ContextFree but answers Mono");
	}

	private static DataFetcher<?> visited(String methodName) throws NoSuchMethodException {
		Method method = Controller.class.getDeclaredMethod(methodName);
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
				new SchemaParser().parse("type Query { product: Product } type Product { offers: String }"),
				RuntimeWiring.newRuntimeWiring()
					.type("Product", type -> type.dataFetcher("offers", new Described(method)))
					.build());
		GraphQLCodeRegistry.Builder registry = GraphQLCodeRegistry.newCodeRegistry(schema.getCodeRegistry());
		new SchemaTraverser().depthFirstFullSchema(List.of(new SynchronousFields()), schema,
				Map.of(GraphQLCodeRegistry.Builder.class, registry));
		return registry.getDataFetcher(OFFERS, schema.getObjectType("Product").getFieldDefinition("offers"));
	}

	static class Controller {

		@ContextFree
		String value() {
			return "offers";
		}

		@ContextFree
		CompletableFuture<String> future() {
			return CompletableFuture.completedFuture("offers");
		}

		String unmarked() {
			return "offers";
		}

		@ContextFree
		Mono<String> mono() {
			return Mono.just("offers");
		}

	}

	/** What spring-graphql registers for a controller method. */
	record Described(Method method) implements SelfDescribingDataFetcher<Object> {

		@Override
		public String getDescription() {
			return this.method.getName();
		}

		@Override
		public ResolvableType getReturnType() {
			return ResolvableType.forMethodReturnType(this.method);
		}

		@Override
		public @Nullable Method asMethod() {
			return this.method;
		}

		@Override
		public Object get(DataFetchingEnvironment env) {
			return "offers";
		}

	}

}
