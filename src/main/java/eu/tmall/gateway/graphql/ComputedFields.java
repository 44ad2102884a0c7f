package eu.tmall.gateway.graphql;

import java.util.function.Function;
import java.util.function.Supplier;

import eu.tmall.gateway.catalog.Quote;
import eu.tmall.gateway.catalog.QuotedProduct;
import eu.tmall.gateway.delivery.DeliveryLabels;
import eu.tmall.gateway.pricing.Money;
import eu.tmall.gateway.pricing.MoneyFormatter;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Fields computed from their parent alone: global ids, labels, amounts and their
 * formatting in the shopper's language. They are wired as plain DataFetchers, not
 * {@code @SchemaMapping} methods, because a product answer holds dozens of them and an
 * annotated handler costs an argument resolution and a context snapshot per call (a fifth
 * of the gateway's time per cold request, measured with bench/run.sh).
 */
@Component
class ComputedFields implements RuntimeWiringConfigurer {

	/** The schema type of a product or an offer: of a {@code Node}, and of an entity. */
	static final TypeResolver NODE_TYPE = env -> env.getSchema()
		.getObjectType((env.getObject() instanceof Quote) ? "Offer" : "Product");

	private final DeliveryLabels labels;

	private final MoneyFormatter money;

	ComputedFields(DeliveryLabels labels, MoneyFormatter money) {
		this.labels = labels;
		this.money = money;
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type(type("Node").typeResolver(NODE_TYPE))
			.type(type("Product").dataFetcher("id", of(QuotedProduct.class, GlobalId::of)))
			.type(type("Offer").dataFetcher("id", of(Quote.class, GlobalId::of)))
			.type(type("DeliveryEstimate").dataFetcher("label",
					(TrivialDataFetcher<Object>) env -> this.labels.label(env.getSource(), ShopperLanguage.in(env))))
			.type(type("Money").dataFetcher("amount", of(Money.class, amount -> amount.amount().toPlainString()))
				.dataFetcher("formatted", (TrivialDataFetcher<Object>) env -> this.money.format(env.getSource(),
						ShopperLanguage.in(env))));
	}

	private static TypeRuntimeWiring.Builder type(String name) {
		return TypeRuntimeWiring.newTypeWiring(name);
	}

	/**
	 * Light in graphql-java's sense, so trivial too: computed in memory from the source
	 * alone, so the observation instrumentation leaves it alone instead of timing
	 * hundreds of them per request, and graphql-java builds no environment for it.
	 */
	private static <S> DataFetcher<Object> of(Class<S> source, Function<S, Object> field) {
		return new LightDataFetcher<>() {

			@Override
			public Object get(GraphQLFieldDefinition definition, Object parent, Supplier<DataFetchingEnvironment> env) {
				return field.apply(source.cast(parent));
			}

			@Override
			public Object get(DataFetchingEnvironment env) {
				return field.apply(source.cast(env.getSource()));
			}

		};
	}

}
