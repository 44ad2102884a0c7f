package eu.tmall.gateway.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.apollographql.federation.graphqljava._Entity;
import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import reactor.core.publisher.Mono;

/**
 * The errors of one {@code _entities} field beside its entities: a marketplace that
 * failed, a representation whose key is not one of ours. spring-graphql's
 * {@code @EntityMapping} methods answer entities only, and a batch method's exception
 * would fail every entity of its type; so the gateway's methods answer what they found
 * and add the rest here, and the {@code _entities} fetcher returns both, as
 * {@code products} does.
 */
final class EntityErrors {

	/** The most representations one {@code _entities} field resolves. */
	static final int MAX_REPRESENTATIONS = ProductController.MAX_GTINS;

	private final List<GraphQLError> errors = new ArrayList<>();

	/** The errors of the {@code _entities} field being resolved. */
	static EntityErrors of(DataFetchingEnvironment env) {
		if (env.getLocalContext() instanceof EntityErrors errors) {
			return errors;
		}
		throw new IllegalStateException("an entity is resolved outside the _entities fetcher of withEntityErrors");
	}

	synchronized void add(GraphQLError error) {
		this.errors.add(error);
	}

	synchronized void addAll(Collection<GraphQLError> errors) {
		this.errors.addAll(errors);
	}

	private synchronized List<GraphQLError> errors() {
		return List.copyOf(this.errors);
	}

	/** The schema with its {@code _entities} fetcher answering these errors too. */
	static GraphQLSchema withEntityErrors(GraphQLSchema schema) {
		GraphQLObjectType query = schema.getQueryType();
		FieldCoordinates entities = FieldCoordinates.coordinates(query, _Entity.fieldName);
		GraphQLCodeRegistry registry = schema.getCodeRegistry();
		DataFetcher<?> entityMappings = registry.getDataFetcher(entities, query.getFieldDefinition(_Entity.fieldName));
		DataFetcher<?> withErrors = env -> answer(entityMappings, env);
		return schema.transform(
				builder -> builder.codeRegistry(registry.transform(code -> code.dataFetcher(entities, withErrors))));
	}

	@SuppressWarnings("unchecked")
	private static Mono<DataFetcherResult<List<Object>>> answer(DataFetcher<?> entityMappings,
			DataFetchingEnvironment env) throws Exception {
		List<?> representations = env.getArgument(_Entity.argumentName);
		if (representations != null && representations.size() > MAX_REPRESENTATIONS) {
			// the bound of products(gtins:), which a router's batch must not get around
			throw new InvalidArgumentException(_Entity.argumentName,
					"has %d elements, more than the %d one request resolves: split them"
						.formatted(representations.size(), MAX_REPRESENTATIONS));
		}
		EntityErrors errors = new EntityErrors();
		DataFetchingEnvironment collecting = DataFetchingEnvironmentImpl.newDataFetchingEnvironment(env)
			.localContext(errors)
			.build();
		// spring-graphql's EntitiesDataFetcher answers a Mono
		Mono<DataFetcherResult<List<Object>>> found = (Mono<DataFetcherResult<List<Object>>>) entityMappings
			.get(collecting);
		return found.map(result -> result.transform(builder -> builder.errors(errors.errors())));
	}

}
