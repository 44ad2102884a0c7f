package eu.tmall.gateway.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.DataLoaderObservationConvention;
import org.springframework.graphql.observation.DefaultDataFetcherObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * spring-graphql's observations, less the wrapper around every resolved field while
 * {@code graphql.datafetcher} observations are off (as deployed): the wrapper would still
 * copy the field's environment and build a context map for an observation that records
 * nothing, which cost more than resolving most fields. With them on, every field is
 * observed as before.
 */
class FieldObservations extends GraphQlObservationInstrumentation {

	private final boolean fieldsObserved;

	FieldObservations(ObservationRegistry registry, @Nullable ExecutionRequestObservationConvention requests,
			@Nullable DataFetcherObservationConvention fields, @Nullable DataLoaderObservationConvention loaders) {
		super(registry, requests, fields, loaders);
		// asks the registry's predicates (management.observations.enable.*) once
		String name = ((fields != null) ? fields : new DefaultDataFetcherObservationConvention()).getName();
		this.fieldsObserved = !Observation.createNotStarted(name, registry).isNoop();
	}

	boolean fieldsObserved() {
		return this.fieldsObserved;
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
