package eu.tmall.gateway.graphql;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;

/**
 * spring-graphql's {@code graphql.request} with the bounded operation name of
 * {@link OperationNames} as a tag, for metrics and spans alike: the raw name is the
 * caller's choice.
 */
class OperationNameConvention extends DefaultExecutionRequestObservationConvention {

	@Override
	public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context).and(KeyValue.of("graphql.operation.name",
				OperationNames.of(context.getExecutionInput().getGraphQLContext())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
		return KeyValues.of(executionId(context));
	}

}
