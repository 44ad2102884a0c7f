package eu.tmall.gateway.graphql;

import java.util.List;

import eu.tmall.gateway.catalog.MarketplaceCatalog;
import eu.tmall.gateway.observability.TraceIds;
import eu.tmall.gateway.shared.SharedTier;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.DataLoaderObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.graphql.server.webflux.GraphQlSseHandler;

/**
 * How graphql-java executes the gateway's requests.
 */
@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

	/**
	 * Distinct documents kept parsed, and operations kept measured by each query limit.
	 */
	private static final int DOCUMENTS = 2_000;

	/**
	 * Boot's service, with the gateway's own DataLoaders registered beside
	 * spring-graphql's registry (which {@code @BatchMapping} methods would fill).
	 */
	@Bean
	ExecutionGraphQlService executionGraphQlService(GraphQlSource source, BatchLoaderRegistry batchLoaders,
			OfferLoaders offers) {
		DefaultExecutionGraphQlService service = new DefaultExecutionGraphQlService(source);
		service.addDataLoaderRegistrar(batchLoaders);
		service.addDataLoaderRegistrar(offers);
		return service;
	}

	@Bean
	PreparsedDocuments preparsedDocuments() {
		return new PreparsedDocuments(DOCUMENTS);
	}

	@Bean
	PersistedQueries persistedQueries(SharedTier shared) {
		return new PersistedQueries(10_000, shared);
	}

	@Bean
	DocumentLimits documentLimits(QueryLimits limits) {
		return new DocumentLimits(limits);
	}

	@Bean
	GraphQlSourceBuilderCustomizer preparsedDocumentCache(PreparsedDocuments documents, PersistedQueries persisted,
			DocumentLimits limits) {
		Documents provider = new Documents(documents, persisted, limits);
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
	}

	/**
	 * The instrumentations Boot hands spring-graphql, in the same order, chained without
	 * the per-field calls none of them implements (replacing spring-graphql's chain,
	 * which it sets before the configurers run).
	 */
	@Bean
	GraphQlSourceBuilderCustomizer instrumentationChain(ObjectProvider<Instrumentation> instrumentations) {
		return builder -> builder.configureGraphQl(graphQl -> {
			List<Instrumentation> chained = instrumentations.orderedStream().toList();
			if (!chained.isEmpty()) {
				graphQl.instrumentation(new InstrumentationChain(chained));
			}
		});
	}

	/**
	 * The fields read from a record without graphql-java's lookup per value
	 * ({@link RecordFields}); and the {@link ContextFree} fields without spring-graphql's
	 * context snapshot, and the fields every query runs without its argument binding when
	 * they need none ({@link DirectFields}), unless fields are observed: their timing
	 * needs spring-graphql's wrapper on every field.
	 */
	@Bean
	GraphQlSourceBuilderCustomizer fieldFetchers(FieldObservations observations, ProductController products,
			ComparisonController comparisons) {
		return builder -> builder.typeVisitors(observations.fieldsObserved() ? List.of(new RecordFields())
				: List.of(new RecordFields(), new SynchronousFields(), DirectFields.of(products, comparisons)));
	}

	@Bean
	QueryDepthLimit queryDepthLimit(QueryLimits limits) {
		return new QueryDepthLimit(limits.maxDepth(), new MeasuredOperations(DOCUMENTS));
	}

	@Bean
	QueryComplexityLimit queryComplexityLimit(QueryLimits limits, List<MarketplaceCatalog> marketplaces) {
		QueryCost cost = new QueryCost(marketplaces.size(), limits.upstreamCallCost(), limits.maxSearchDepth());
		return new QueryComplexityLimit(limits.maxComplexity(), cost, new MeasuredOperations(DOCUMENTS, cost::shapeOf));
	}

	@Bean
	OperationNames operationNames(OperationMetricsProperties properties) {
		return new OperationNames(properties.operationNames());
	}

	/** Boot backs off its own instrumentation for this one. */
	@Bean
	FieldObservations graphQlObservationInstrumentation(ObservationRegistry registry,
			ObjectProvider<ExecutionRequestObservationConvention> requests,
			ObjectProvider<DataFetcherObservationConvention> fields,
			ObjectProvider<DataLoaderObservationConvention> loaders) {
		return new FieldObservations(registry, requests.getIfAvailable(), fields.getIfAvailable(),
				loaders.getIfAvailable());
	}

	@Bean
	OperationNameConvention operationNameConvention() {
		return new OperationNameConvention();
	}

	@Bean
	IncrementalDelivery incrementalDelivery(TraceIds traceIds) {
		return new IncrementalDelivery(traceIds);
	}

	/**
	 * spring-graphql's HTTP handler (Boot backs off its own), which also writes the
	 * deferred fragments of {@link IncrementalDelivery} as {@code multipart/mixed} parts.
	 */
	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler, JsonMapper json) {
		return new IncrementalGraphQlHttpHandler(webGraphQlHandler, json);
	}

	/**
	 * spring-graphql's server-sent events handler (Boot backs off its own), on Boot's
	 * settings, running the checked request too.
	 */
	@Bean
	GraphQlSseHandler graphQlSseHandler(WebGraphQlHandler webGraphQlHandler, GraphQlProperties properties) {
		GraphQlProperties.Sse sse = properties.getHttp().getSse();
		return new AdmittedSseHandler(webGraphQlHandler, sse.getTimeout(), sse.getKeepAlive());
	}

	/**
	 * The search resolves products through DataLoaders only after the marketplaces'
	 * search has answered; graphql-java 25 dispatches such chained loads itself once this
	 * is on, instead of leaving them waiting for a level that has already been
	 * dispatched.
	 */
	@Bean
	WebGraphQlInterceptor dataLoaderChaining() {
		return (request, chain) -> {
			request.configureExecutionInput((input, builder) -> {
				DataLoaderDispatchingContextKeys.setEnableDataLoaderChaining(input.getGraphQLContext(), true);
				return input;
			});
			return chain.next(request);
		};
	}

}
