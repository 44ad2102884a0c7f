package eu.tmall.gateway.graphql;

import java.util.Map;
import java.util.function.Function;

import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.catalog.OfferRanking;
import eu.tmall.gateway.catalog.OfferSort;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.pricing.Currency;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.jspecify.annotations.Nullable;

import static graphql.schema.FieldCoordinates.coordinates;

/**
 * The fields every query runs, called directly when their arguments need no binding:
 * {@code product}, once per request, and {@code Product.offers}, {@code bestOffer} and
 * {@code comparison}, once per product, given no filter or destination of their own, as
 * nearly every query asks for them. spring-graphql's argument binding, method validation
 * and handler per call cost a tenth of warm {@code products} of 50's CPU, where there is
 * nothing to bind but a scalar graphql-java has already parsed or an enum's name, and
 * nothing to validate. A field given anything else goes through spring-graphql, which
 * binds and validates it as before; the logic stays in the controllers.
 */
final class DirectFields extends GraphQLTypeVisitorStub {

	private final Map<FieldCoordinates, Shortcut> shortcuts;

	DirectFields(Map<FieldCoordinates, Shortcut> shortcuts) {
		this.shortcuts = shortcuts;
	}

	static DirectFields of(ProductController products, ComparisonController comparisons) {
		return new DirectFields(
				Map.of(coordinates("Query", "product"),
						new Shortcut(Map.of("gtin", Gtin.class, "shipTo", CountryCode.class, "currency", String.class),
								env -> products.product(env.getArgument("gtin"), env.getArgument("shipTo"),
										Currency.valueOf(env.getArgument("currency")), env)),
						coordinates("Product", "offers"),
						new Shortcut(Map.of("sort", String.class),
								env -> comparisons.offers(env.getSource(), null,
										OfferSort.valueOf(env.getArgument("sort")), null, null, env)),
						coordinates("Product", "bestOffer"),
						new Shortcut(Map.of("by", String.class),
								env -> comparisons.bestOffer(env.getSource(),
										OfferRanking.valueOf(env.getArgument("by")), null, null, env)),
						coordinates("Product", "comparison"),
						new Shortcut(Map.of(), env -> comparisons.comparison(env.getSource(), null, null, env))));
	}

	@Override
	public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
			TraverserContext<GraphQLSchemaElement> context) {
		FieldCoordinates coordinates = coordinates((GraphQLFieldsContainer) context.getParentNode(), field);
		Shortcut shortcut = this.shortcuts.get(coordinates);
		if (shortcut != null) {
			GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			DataFetcher<?> bound = registry.getDataFetcher(coordinates, field);
			registry.dataFetcher(coordinates, (TrivialDataFetcher<Object>) env -> shortcut.applies(env)
					? shortcut.call().apply(env) : bound.get(env));
		}
		return TraversalControl.CONTINUE;
	}

	/**
	 * A field's direct call.
	 *
	 * @param reads the arguments it reads, each given, as the Java type graphql-java
	 * gives it: a scalar's parsed value, an enum's name
	 * @param call the controller method
	 */
	record Shortcut(Map<String, Class<?>> reads, Function<DataFetchingEnvironment, @Nullable Object> call) {

		/** Whether it reads every argument given, and every one it reads is given. */
		boolean applies(DataFetchingEnvironment env) {
			Map<String, Object> arguments = env.getArguments();
			for (Map.Entry<String, Object> argument : arguments.entrySet()) {
				Class<?> type = this.reads.get(argument.getKey());
				if ((type != null) ? !type.isInstance(argument.getValue()) : argument.getValue() != null) {
					return false;
				}
			}
			return arguments.keySet().containsAll(this.reads.keySet());
		}

	}

}
