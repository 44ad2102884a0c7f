package eu.tmall.gateway.graphql;

import java.util.Map;
import java.util.function.BiFunction;

import eu.tmall.gateway.catalog.OfferRanking;
import eu.tmall.gateway.catalog.OfferSort;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.jspecify.annotations.Nullable;

/**
 * {@code Product.offers}, {@code bestOffer} and {@code comparison} given no argument but
 * their enum's, as nearly every query asks for them, once per product: their
 * {@link ComparisonController} method is called directly. spring-graphql's argument
 * binding, method validation and handler per call cost a tenth of warm {@code products}
 * of 50's CPU there, with nothing to bind but an enum's name and nothing to validate. A
 * field given a filter or a destination goes through spring-graphql as before.
 */
final class DirectComparisons extends GraphQLTypeVisitorStub {

	private static final String PRODUCT = "Product";

	private final Map<String, Shortcut> shortcuts;

	DirectComparisons(Map<String, Shortcut> shortcuts) {
		this.shortcuts = shortcuts;
	}

	static DirectComparisons of(ComparisonController controller) {
		return new DirectComparisons(Map.of("offers", new Shortcut("sort",
				(env, sort) -> controller.offers(env.getSource(), null, OfferSort.valueOf(sort), null, null, env)),
				"bestOffer",
				new Shortcut("by",
						(env, by) -> controller.bestOffer(env.getSource(), OfferRanking.valueOf(by), null, null, env)),
				"comparison",
				new Shortcut(null, (env, none) -> controller.comparison(env.getSource(), null, null, env))));
	}

	@Override
	public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
			TraverserContext<GraphQLSchemaElement> context) {
		Shortcut shortcut = this.shortcuts.get(field.getName());
		if (shortcut != null && context.getParentNode() instanceof GraphQLObjectType type
				&& PRODUCT.equals(type.getName())) {
			GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
			DataFetcher<?> bound = registry.getDataFetcher(coordinates, field);
			registry.dataFetcher(coordinates,
					(TrivialDataFetcher<Object>) env -> shortcut.applies(env) ? shortcut.call(env) : bound.get(env));
		}
		return TraversalControl.CONTINUE;
	}

	/**
	 * A field's direct call.
	 *
	 * @param enumArgument the one argument it reads, an enum's name as graphql-java gives
	 * it ({@code null} for none)
	 * @param call the controller method, given the environment and that name
	 */
	record Shortcut(@Nullable String enumArgument,
			BiFunction<DataFetchingEnvironment, @Nullable String, @Nullable Object> call) {

		/** Whether every argument but the enum's is left out or null. */
		boolean applies(DataFetchingEnvironment env) {
			for (Map.Entry<String, Object> argument : env.getArguments().entrySet()) {
				boolean isEnum = argument.getKey().equals(this.enumArgument);
				if (isEnum ? !(argument.getValue() instanceof String) : argument.getValue() != null) {
					return false;
				}
			}
			return this.enumArgument == null || env.getArguments().containsKey(this.enumArgument);
		}

		@Nullable Object call(DataFetchingEnvironment env) {
			return this.call.apply(env, (this.enumArgument != null) ? env.getArgument(this.enumArgument) : null);
		}

	}

}
