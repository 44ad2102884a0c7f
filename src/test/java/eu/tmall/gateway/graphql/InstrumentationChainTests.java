package eu.tmall.gateway.graphql;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The chain calls a per-field hook only when one of its instrumentations implements it,
 * and asks no one to wrap a field while field observations are off.
 */
class InstrumentationChainTests {

	@Test
	void shouldSkipThePerFieldHooksOfOperationLevelInstrumentations() {
		InstrumentationChain chain = new InstrumentationChain(
				List.of(new OperationNames(Set.of("Product")), new SimplePerformantInstrumentation()));

		assertThat(chain.chains("beginFieldFetching")).isFalse();
		assertThat(chain.chains("beginFieldCompletion")).isFalse();
		assertThat(chain.chains("beginExecuteObject")).isFalse();
		assertThat(chain.beginFieldFetching(field(), state(chain))).isNull();
	}

	@Test
	void shouldCallAPerFieldHookThatAnInstrumentationImplements() {
		AtomicInteger fetched = new AtomicInteger();
		SimplePerformantInstrumentation fieldLevel = new SimplePerformantInstrumentation() {

			@Override
			public FieldFetchingInstrumentationContext beginFieldFetching(
					InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
				fetched.incrementAndGet();
				return FieldFetchingInstrumentationContext.NOOP;
			}

		};
		InstrumentationChain chain = new InstrumentationChain(
				List.of(new OperationNames(Set.of("Product")), fieldLevel));

		assertThat(chain.chains("beginFieldFetching")).isTrue();
		assertThat(chain.chains("beginFieldCompletion")).isFalse();
		assertThat(chain.beginFieldFetching(field(), state(chain))).isNotNull();
		assertThat(fetched).hasValue(1);
	}

	@Test
	void shouldNotAskFieldObservationsThatAreOffToWrapAField() {
		ObservationRegistry registry = TestObservationRegistry.create();
		registry.observationConfig().observationPredicate((name, context) -> !"graphql.datafetcher".equals(name));
		AtomicInteger asked = new AtomicInteger();
		FieldObservations off = new FieldObservations(registry, null, null, null) {

			@Override
			public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
					InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
				asked.incrementAndGet();
				return super.instrumentDataFetcher(dataFetcher, parameters, state);
			}

		};
		InstrumentationChain chain = new InstrumentationChain(List.of(off, new OperationNames(Set.of("Product"))));
		DataFetcher<String> fetcher = env -> "resolved";

		assertThat(chain.chains("instrumentDataFetcher")).isFalse();
		assertThat(chain.instrumentDataFetcher(fetcher, field(), state(chain))).isSameAs(fetcher);
		assertThat(asked).hasValue(0);
	}

	@Test
	void shouldAskFieldObservationsThatAreOnToWrapAField() {
		InstrumentationChain chain = new InstrumentationChain(
				List.of(new FieldObservations(TestObservationRegistry.create(), null, null, null)));
		DataFetcher<String> fetcher = env -> "resolved";

		assertThat(chain.chains("instrumentDataFetcher")).isTrue();
		assertThat(chain.instrumentDataFetcher(fetcher, field(), state(chain))).isNotSameAs(fetcher);
	}

	private static InstrumentationFieldFetchParameters field() {
		return mock(InstrumentationFieldFetchParameters.class);
	}

	private static InstrumentationState state(InstrumentationChain chain) {
		return chain
			.createStateAsync(new InstrumentationCreateStateParameters(mock(GraphQLSchema.class),
					ExecutionInput.newExecutionInput("{ __typename }").build()))
			.join();
	}

}
