package eu.tmall.gateway.graphql;

import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;

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
	GraphQlSourceBuilderCustomizer preparsedDocumentCache(PreparsedDocuments documents) {
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
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
