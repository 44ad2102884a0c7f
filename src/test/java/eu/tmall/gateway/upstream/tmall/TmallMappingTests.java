package eu.tmall.gateway.upstream.tmall;

import java.util.List;

import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.delivery.CountryCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listing that breaks the contract is left out, so it cannot fail its whole batch.
 */
class TmallMappingTests {

	private static final CountryCode ES = CountryCode.of("ES");

	@ParameterizedTest(name = "{0} in {1}, {2}-{3} transit days: kept {4}")
	@CsvSource({ "24.90, EUR, 1, 2, true", "105.55, PLN, 1, 2, false", "24.90, EUR, 1, 119, true",
			"24.90, EUR, 1, 120, false", "24.90, EUR, 1, 1000000, false" })
	void shouldLeaveOutListingsNotInEurosOrWithoutAnEnd(String price, String currency, int minDays, int maxDays,
			boolean kept) {
		TmallListing listing = new TmallListing("T-1", "4006381333931", "Moka pot", "Bialetti", "IT", "Home & Kitchen",
				List.of(), price, currency, 3, "Bialetti", "https://tmall.example/T-1", "ES",
				new TmallListing.Delivery(1, minDays, maxDays, "Correos", "0.00"));

		Offer offer = TmallMapping.toOffer(listing, ES);

		assertThat(offer != null).isEqualTo(kept);
	}

}
