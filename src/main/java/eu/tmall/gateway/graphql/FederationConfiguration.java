package eu.tmall.gateway.graphql;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.federation.FederationSchemaFactory;

/**
 * The schema as an Apollo Federation v2 subgraph, on the one GraphQL endpoint: the same
 * access checks, limits, budgets and observations apply to {@code _entities} and
 * {@code _service} as to every query. spring-graphql's {@link FederationSchemaFactory}
 * adds them from the {@code @key} directives of schema/ and the {@code @EntityMapping}
 * methods of {@link EntityController}.
 */
@Configuration(proxyBeanMethods = false)
class FederationConfiguration {

	@Bean
	FederationSchemaFactory federationSchemaFactory() {
		FederationSchemaFactory factory = new FederationSchemaFactory();
		factory.setTypeResolver(ComputedFields.NODE_TYPE);
		return factory;
	}

	@Bean
	GraphQlSourceBuilderCustomizer federation(FederationSchemaFactory factory) {
		return builder -> builder.schemaFactory(
				(registry, wiring) -> EntityErrors.withEntityErrors(factory.createGraphQLSchema(registry, wiring)));
	}

}
