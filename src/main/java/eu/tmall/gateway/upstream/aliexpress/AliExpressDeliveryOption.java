package eu.tmall.gateway.upstream.aliexpress;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One way an AliExpress product can travel to the requested destination.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AliExpressDeliveryOption(String shipFromCountry, @Nullable String serviceName, int minDeliveryDays,
		int maxDeliveryDays, String shippingFee, String shippingFeeCurrency) {

}
