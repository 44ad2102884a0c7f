package eu.tmall.gateway.graphql;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How GraphQL requests are labelled in metrics.
 *
 * @param operationNames the operation names that get a series of their own; any other
 * name is counted as {@value OperationNames#OTHER}, so a caller cannot grow the metrics
 * without bound
 */
@ConfigurationProperties("gateway.observability")
record OperationMetricsProperties(@DefaultValue Set<String> operationNames) {

}
