package eu.tmall.gateway.upstream.aliexpress;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An AliExpress product as the platform sends it, priced and with its default delivery
 * option for the requested {@code ship_to_country}. {@code target_original_price} is the
 * seller's "was" price and is deliberately not mapped: it is not the 30-day lowest price
 * the Omnibus rule requires of a former price.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AliExpressProduct(long productId, @Nullable String ean, String productTitle, @Nullable String brandName,
		@Nullable String firstLevelCategoryName, @Nullable String productMainImageUrl,
		@Nullable ImageUrls productSmallImageUrls, String targetSalePrice, String targetSalePriceCurrency,
		@Nullable String shopName, @Nullable Integer availableStock, String productDetailUrl,
		AliExpressDeliveryOption defaultDelivery) {

	/** The platform wraps string lists as {@code {"string":[…]}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ImageUrls(@Nullable List<String> string) {

	}

}
