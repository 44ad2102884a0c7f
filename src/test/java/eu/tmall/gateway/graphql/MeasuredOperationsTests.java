package eu.tmall.gateway.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import eu.tmall.gateway.catalog.Gtin;
import graphql.execution.AbortExecutionException;
import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An operation is measured again whenever anything a limit could see differs, and never
 * when only strings and opaque scalars do.
 */
class MeasuredOperationsTests {

	private static final String PRODUCTS = "query Products($gtins: [GTIN!]!, $deep: Boolean!, $first: Int) { __typename }";

	private final MeasuredOperations operations = new MeasuredOperations(100);

	private final Document document = Parser.parse(PRODUCTS);

	private final AtomicInteger measurements = new AtomicInteger();

	@Test
	void shouldMeasureAnOperationOnceWhenOnlyStringsAndScalarsDiffer() {
		measure(this.document, "Products", variables(List.of(Gtin.parse("4006381333931")), "ES"));
		measure(this.document, "Products", variables(List.of(Gtin.parse("8479235294249")), "PL"));

		assertThat(this.measurements).hasValue(1);
	}

	@Test
	void shouldMeasureAgainForAnotherListSizeNumberBooleanNameOrDocument() {
		List<Gtin> one = List.of(Gtin.parse("4006381333931"));
		measure(this.document, "Products", variables(one, "ES"));

		measure(this.document, "Products", variables(List.of(one.get(0), one.get(0)), "ES"));
		measure(this.document, "Products", Map.of("gtins", one, "deep", false, "first", 20, "shipTo", "ES"));
		measure(this.document, "Products", Map.of("gtins", one, "deep", true, "first", 21, "shipTo", "ES"));
		measure(this.document, "Other", variables(one, "ES"));
		measure(Parser.parse(PRODUCTS), "Products", variables(one, "ES"));

		assertThat(this.measurements).hasValue(6);
	}

	@Test
	void shouldMeasureAnOperationOverALimitEveryTime() {
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(AbortExecutionException.class).isThrownBy(
					() -> this.operations.measureOnce(this.document, "Products", variables(List.of(), "ES"), () -> {
						this.measurements.incrementAndGet();
						throw new AbortExecutionException("too deep");
					}));
		}

		assertThat(this.measurements).hasValue(2);
	}

	/**
	 * A cursor is a string, yet the cost reads how deep it is: a deep one after a shallow
	 * one is measured again, one within the same upstream page is not.
	 */
	@Test
	void shouldMeasureAgainForACursorOnAnotherUpstreamPage() {
		MeasuredOperations costed = new MeasuredOperations(100, new QueryCost(2, 10, 500)::shapeOf);
		Document search = Parser.parse("query Search($after: String) { __typename }");

		costed.measureOnce(search, "Search", Map.of("after", Cursor.of(3)), this.measurements::incrementAndGet);
		costed.measureOnce(search, "Search", Map.of("after", Cursor.of(20)), this.measurements::incrementAndGet);
		costed.measureOnce(search, "Search", Map.of("after", Cursor.of(499)), this.measurements::incrementAndGet);

		assertThat(this.measurements).hasValue(2);
	}

	private void measure(Document document, String name, Map<String, Object> variables) {
		this.operations.measureOnce(document, name, variables, this.measurements::incrementAndGet);
	}

	private static Map<String, Object> variables(List<Gtin> gtins, String shipTo) {
		return Map.of("gtins", gtins, "deep", true, "first", 20, "shipTo", shipTo);
	}

}
