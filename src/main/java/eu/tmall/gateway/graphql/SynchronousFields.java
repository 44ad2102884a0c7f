package eu.tmall.gateway.graphql;

import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

/**
 * The fields whose controller method is {@link ContextFree} run without spring-graphql's
 * context snapshot. spring-graphql wraps every controller-resolved field to capture the
 * request's thread locals, restore them around the call and write them into any Publisher
 * it answers: a fifth of warm {@code products} of 50's CPU went there, for fields that
 * compute from their source or answer DataLoader futures, and read the request's state
 * from the GraphQL context. Fields that answer Monos (a search) need the request's
 * Reactor context, and keep it; a {@code @ContextFree} method declared to answer a
 * Publisher stops the start.
 * <p>
 * The marker is graphql-java's {@code TrivialDataFetcher}, which spring-graphql's wrapper
 * skips, and which its field observations skip too: while those are on
 * ({@link FieldObservations}), every field keeps its wrapper.
 */
final class SynchronousFields extends GraphQLTypeVisitorStub {

	@Override
	public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
			TraverserContext<GraphQLSchemaElement> context) {
		GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
		FieldCoordinates coordinates = FieldCoordinates.coordinates((GraphQLFieldsContainer) context.getParentNode(),
				field);
		DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
		if (fetcher instanceof SelfDescribingDataFetcher<?> described && isContextFree(described.asMethod())) {
			requireNoPublisher(coordinates, described);
			// marked only: what it answers goes to graphql-java as it is (which reads a
			// Publisher, such as spring-graphql's Mono.error for an argument it could not
			// bind, as a future)
			registry.dataFetcher(coordinates, (TrivialDataFetcher<Object>) fetcher::get);
		}
		return TraversalControl.CONTINUE;
	}

	private static boolean isContextFree(@Nullable Method method) {
		return method != null && method.isAnnotationPresent(ContextFree.class);
	}

	private static void requireNoPublisher(FieldCoordinates coordinates, SelfDescribingDataFetcher<?> described) {
		Class<?> answer = described.getReturnType().toClass();
		// a future, such as a DataLoader's, completes without the request's context
		boolean future = CompletionStage.class.isAssignableFrom(answer);
		if (!future && (Publisher.class.isAssignableFrom(answer)
				|| ReactiveAdapterRegistry.getSharedInstance().getAdapter(answer) != null)) {
			throw new IllegalStateException(coordinates + " is @ContextFree but answers " + answer.getSimpleName()
					+ ", which needs the request's Reactor context: drop @ContextFree");
		}
	}

}
