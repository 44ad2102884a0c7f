package eu.tmall.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.catalog.Marketplace;
import eu.tmall.gateway.catalog.OfferKey;
import eu.tmall.gateway.catalog.ProductKey;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.pricing.Currency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalIdTests {

	private static final ProductKey PRODUCT = new ProductKey(Gtin.parse("4006381333931"), CountryCode.of("PL"));

	private static final OfferKey OFFER = new OfferKey(Marketplace.ALIEXPRESS, "1005006123456789",
			CountryCode.of("PL"));

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "Product:4006381333931:PL:PLN, PLN", "Product:4006381333931:PL, EUR" })
	void shouldDecodeAProductIdWithItsCurrencyOrAnEarlierIdInEuros(String id, Currency currency) {
		assertThat(GlobalId.decode(encode(id))).isEqualTo(new GlobalId.ProductNode(PRODUCT, currency));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "Offer:ALIEXPRESS:1005006123456789:PL:SEK, SEK", "Offer:ALIEXPRESS:1005006123456789:PL, EUR" })
	void shouldDecodeAnOfferIdWithItsCurrencyOrAnEarlierIdInEuros(String id, Currency currency) {
		assertThat(GlobalId.decode(encode(id))).isEqualTo(new GlobalId.OfferNode(OFFER, currency));
	}

	private static String encode(String id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
	}

}
