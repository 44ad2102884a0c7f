package eu.tmall.gateway.graphql;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.DataLoaderObservationConvention;
import org.springframework.graphql.observation.DefaultDataFetcherObservationConvention;
import org.springframework.graphql.observation.DefaultDataLoaderObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * spring-graphql's observations, less their plumbing where the registry's predicates turn
 * them off (as deployed): while {@code graphql.datafetcher} observations are off no
 * resolved field is wrapped (the wrapper would still copy the field's environment and
 * build a context map for an observation that records nothing, which cost more than
 * resolving most fields), and while {@code graphql.dataloader} ones are off the request's
 * DataLoaders are not copied into a registry of their own to be instrumented. With them
 * on, every field and batch is observed as before.
 */
class FieldObservations extends GraphQlObservationInstrumentation {

	private final boolean fieldsObserved;

	private final boolean loadersObserved;

	FieldObservations(ObservationRegistry registry, @Nullable ExecutionRequestObservationConvention requests,
			@Nullable DataFetcherObservationConvention fields, @Nullable DataLoaderObservationConvention loaders) {
		super(registry, requests, fields, loaders);
		this.fieldsObserved = observed(registry,
				((fields != null) ? fields : new DefaultDataFetcherObservationConvention()).getName());
		this.loadersObserved = observed(registry,
				((loaders != null) ? loaders : new DefaultDataLoaderObservationConvention()).getName());
	}

	/** Asks the registry's predicates (management.observations.enable.*) once. */
	private static boolean observed(ObservationRegistry registry, String name) {
		return !Observation.createNotStarted(name, registry).isNoop();
	}

	boolean fieldsObserved() {
		return this.fieldsObserved;
	}

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		if (!this.loadersObserved) {
			return input;
		}
		return super.instrumentExecutionInput(input, parameters, state);
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		if (!this.fieldsObserved) {
			return dataFetcher;
		}
		return super.instrumentDataFetcher(dataFetcher, parameters, state);
	}

}
