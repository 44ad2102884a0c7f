package eu.tmall.gateway.upstream.aliexpress;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The {@code result} of an AliExpress product query or batch lookup.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AliExpressProductPage(@Nullable Integer totalRecordCount, @Nullable Products products) {

	/** Batch lookups carry no total: it is then the page itself. */
	public int total() {
		return (this.totalRecordCount != null) ? this.totalRecordCount : list().size();
	}

	public List<AliExpressProduct> list() {
		return (this.products != null && this.products.product() != null) ? this.products.product() : List.of();
	}

	/** The platform wraps lists as {@code {"product":[…]}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Products(@Nullable List<AliExpressProduct> product) {

	}

}
