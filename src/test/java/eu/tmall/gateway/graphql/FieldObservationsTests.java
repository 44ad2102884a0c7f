package eu.tmall.gateway.graphql;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Resolved fields are wrapped for an observation only while field observations are on,
 * and the request's DataLoaders instrumented only while DataLoader observations are.
 */
class FieldObservationsTests {

	private final DataFetcher<String> fetcher = env -> "resolved";

	@Test
	void shouldLeaveEveryFieldUnwrappedWhileFieldObservationsAreOff() {
		ObservationRegistry registry = TestObservationRegistry.create();
		registry.observationConfig().observationPredicate((name, context) -> !"graphql.datafetcher".equals(name));
		FieldObservations observations = new FieldObservations(registry, null, null, null);

		assertThat(observations.fieldsObserved()).isFalse();
		assertThat(observations.instrumentDataFetcher(this.fetcher, nonTrivialField(), state(observations)))
			.isSameAs(this.fetcher);
	}

	@Test
	void shouldObserveEveryFieldAsBeforeWhenFieldObservationsAreOn() {
		FieldObservations observations = new FieldObservations(TestObservationRegistry.create(), null, null, null);

		assertThat(observations.fieldsObserved()).isTrue();
		assertThat(observations.instrumentDataFetcher(this.fetcher, nonTrivialField(), state(observations)))
			.isNotSameAs(this.fetcher);
	}

	@Test
	void shouldLeaveTheRequestsDataLoadersAsTheyAreWhileDataLoaderObservationsAreOff() {
		ObservationRegistry registry = TestObservationRegistry.create();
		registry.observationConfig().observationPredicate((name, context) -> !"graphql.dataloader".equals(name));
		FieldObservations observations = new FieldObservations(registry, null, null, null);
		ExecutionInput input = ExecutionInput.newExecutionInput("{ __typename }").build();

		assertThat(observations.instrumentExecutionInput(input, null, state(observations))).isSameAs(input);
	}

	@Test
	void shouldInstrumentTheRequestsDataLoadersWhenDataLoaderObservationsAreOn() {
		FieldObservations observations = new FieldObservations(TestObservationRegistry.create(), null, null, null);
		ExecutionInput input = ExecutionInput.newExecutionInput("{ __typename }").build();

		ExecutionInput instrumented = observations.instrumentExecutionInput(input, null, state(observations));

		assertThat(instrumented.getDataLoaderRegistry()).isNotSameAs(input.getDataLoaderRegistry());
		assertThat(instrumented.getDataLoaderRegistry().getInstrumentation()).isNotNull();
	}

	private static InstrumentationFieldFetchParameters nonTrivialField() {
		InstrumentationFieldFetchParameters parameters = mock(InstrumentationFieldFetchParameters.class);
		when(parameters.isTrivialDataFetcher()).thenReturn(false);
		return parameters;
	}

	/** The per-request state spring-graphql wraps fields under. */
	private static InstrumentationState state(GraphQlObservationInstrumentation observations) {
		return observations
			.createStateAsync(new InstrumentationCreateStateParameters(mock(GraphQLSchema.class),
					ExecutionInput.newExecutionInput("{ __typename }").build()))
			.join();
	}

}
