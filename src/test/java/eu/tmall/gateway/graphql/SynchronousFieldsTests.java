package eu.tmall.gateway.graphql;

import eu.tmall.gateway.FixedClockConfiguration;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fields whose controller computes from its source or answers DataLoader futures run
 * without spring-graphql's context snapshot, and those whose Monos need the request's
 * context keep it; the fields every query runs, given no argument to bind, call their
 * controller method directly ({@link DirectFields}). What they answer is shown by the
 * tests of each field, which run through these same fetchers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureHttpGraphQlTester
@Import(FixedClockConfiguration.class)
class SynchronousFieldsTests {

	@Autowired
	private GraphQlSource source;

	@ParameterizedTest(name = "{0}.{1}: {2}")
	@CsvSource({ "Product, offers, DirectFields", "Product, bestOffer, DirectFields",
			"Product, comparison, DirectFields", "Offer, shippingOptions, SynchronousFields",
			"Query, product, DirectFields", "Query, products, SynchronousFields",
			"Query, search, ContextDataFetcherDecorator", "Query, node, SynchronousFields",
			"Offer, title, RecordFields", "Money, currency, RecordFields" })
	void shouldRunOnlyTheContextFreeFieldsWithoutTheSnapshot(String type, String field, String fetchedBy) {
		GraphQLSchema schema = this.source.schema();
		DataFetcher<?> fetcher = schema.getCodeRegistry()
			.getDataFetcher(FieldCoordinates.coordinates(type, field),
					schema.getObjectType(type).getFieldDefinition(field));

		assertThat(fetcher instanceof TrivialDataFetcher).isEqualTo(!fetchedBy.equals("ContextDataFetcherDecorator"));
		assertThat(fetcher.getClass().getName()).contains(fetchedBy);
	}

}
