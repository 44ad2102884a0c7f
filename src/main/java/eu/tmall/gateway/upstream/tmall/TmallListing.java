package eu.tmall.gateway.upstream.tmall;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A Tmall Europe product listing as the platform sends it, delivery quoted for the
 * requested {@code ship_to}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TmallListing(String itemId, @Nullable String gtin, String title, @Nullable String brand,
		@Nullable String brandCountry, @Nullable String category, @Nullable List<String> images, String price,
		String currency, @Nullable Integer stock, @Nullable String seller, String url, String warehouseCountry,
		Delivery delivery) {

	/** The listing's delivery to the requested destination. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Delivery(int dispatchDays, int transitMinDays, int transitMaxDays, @Nullable String carrier,
			String shippingFee) {

	}

}
