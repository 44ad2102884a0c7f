package eu.tmall.gateway.graphql;

import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import graphql.parser.ParserOptions;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * How graphql-java executes the gateway's requests.
 */
@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

	@Bean
	PreparsedDocuments preparsedDocuments() {
		return new PreparsedDocuments(2_000);
	}

	@Bean
	PersistedQueries persistedQueries() {
		return new PersistedQueries(10_000);
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

	@Bean
	QueryDepthLimit queryDepthLimit(QueryLimits limits) {
		return new QueryDepthLimit(limits.maxDepth(), new MeasuredOperations(2_000));
	}

	@Bean
	QueryComplexityLimit queryComplexityLimit(QueryLimits limits) {
		return new QueryComplexityLimit(limits.maxComplexity(), new MeasuredOperations(2_000));
	}

	/**
	 * The parser's limits travel with each request: graphql-java reads them from its
	 * context.
	 */
	@Bean
	WebGraphQlInterceptor parserLimits(DocumentLimits limits) {
		return (request, chain) -> {
			request.configureExecutionInput((input, builder) -> {
				input.getGraphQLContext().put(ParserOptions.class, limits.parserOptions());
				return input;
			});
			return chain.next(request);
		};
	}

	@Bean
	OperationNames operationNames(OperationMetricsProperties properties) {
		return new OperationNames(properties.operationNames());
	}

	@Bean
	OperationNameConvention operationNameConvention() {
		return new OperationNameConvention();
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
