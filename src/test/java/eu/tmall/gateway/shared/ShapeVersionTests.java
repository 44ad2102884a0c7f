package eu.tmall.gateway.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The version in a shared entry's key follows its shape: a component added, renamed or
 * retyped anywhere in the nested records, or a new epoch, gives another version.
 */
class ShapeVersionTests {

	record Line(String sku, int quantity) {
	}

	record Order(long at, List<Line> lines) {
	}

	record LineRenamed(String sku, int count) {
	}

	record OrderWithRenamedLine(long at, List<LineRenamed> lines) {
	}

	@Test
	void shouldBeStableForOneShape() {
		assertThat(ShapeVersion.of(Order.class, 1)).isEqualTo(ShapeVersion.of(Order.class, 1)).matches("v[0-9a-f]{8}");
	}

	@Test
	void shouldFollowNestedRecordsAndTypeArguments() {
		assertThat(ShapeVersion.describe(Order.class))
			.isEqualTo("Order(at:long,lines:java.util.List<Line(sku:java.lang.String,quantity:int)>)");
	}

	@Test
	void shouldChangeWhenANestedComponentChanges() {
		assertThat(ShapeVersion.describe(OrderWithRenamedLine.class)
			.replace("OrderWithRenamedLine", "Order")
			.replace("LineRenamed", "Line")).isNotEqualTo(ShapeVersion.describe(Order.class));
		assertThat(ShapeVersion.of(OrderWithRenamedLine.class, 1)).isNotEqualTo(ShapeVersion.of(Order.class, 1));
	}

	@Test
	void shouldChangeWithTheEpoch() {
		assertThat(ShapeVersion.of(Order.class, 2)).isNotEqualTo(ShapeVersion.of(Order.class, 1));
	}

}
