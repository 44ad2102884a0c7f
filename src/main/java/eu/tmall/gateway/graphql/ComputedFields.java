package eu.tmall.gateway.graphql;

import java.util.function.Function;

import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.catalog.Product;
import eu.tmall.gateway.delivery.DeliveryEstimate;
import eu.tmall.gateway.delivery.DeliveryEstimator;
import eu.tmall.gateway.delivery.DeliveryLabels;
import eu.tmall.gateway.delivery.ShippingOption;
import eu.tmall.gateway.pricing.Money;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Fields computed from their parent alone: global ids, delivery estimates and labels,
 * decimal amounts. They are wired as plain DataFetchers, not {@code @SchemaMapping}
 * methods, because a product answer holds dozens of them and an annotated handler costs
 * an argument resolution and a context snapshot per call (a fifth of the gateway's time
 * per cold request, measured with bench/run.sh).
 */
@Component
class ComputedFields implements RuntimeWiringConfigurer {

	private final DeliveryEstimator estimator;

	private final DeliveryLabels labels;

	ComputedFields(DeliveryEstimator estimator, DeliveryLabels labels) {
		this.estimator = estimator;
		this.labels = labels;
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type(type("Product").dataFetcher("id", of(Product.class, product -> GlobalId.of(product.key()))))
			.type(type("Offer").dataFetcher("id", of(Offer.class, offer -> GlobalId.of(offer.key())))
				.dataFetcher("delivery",
						of(Offer.class, offer -> this.estimator.estimate(offer.shipment(), offer.shipTo()))))
			.type(type("ShippingOption").dataFetcher("delivery",
					of(ShippingOption.class, option -> this.estimator.estimate(option.shipment(), option.shipTo()))))
			.type(type("DeliveryEstimate").dataFetcher("label",
					(TrivialDataFetcher<Object>) env -> this.labels.label(env.getSource(), env.getLocale())))
			.type(type("Money").dataFetcher("amount", of(Money.class, money -> money.amount().toPlainString())));
	}

	private static TypeRuntimeWiring.Builder type(String name) {
		return TypeRuntimeWiring.newTypeWiring(name);
	}

	/**
	 * Trivial in graphql-java's sense: computed in memory, so the observation
	 * instrumentation leaves it alone instead of timing hundreds of them per request.
	 */
	private static <S> DataFetcher<Object> of(Class<S> source, Function<S, Object> field) {
		return (TrivialDataFetcher<Object>) env -> field.apply(source.cast(env.getSource()));
	}

}
