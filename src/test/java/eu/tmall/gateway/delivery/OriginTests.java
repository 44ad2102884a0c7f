package eu.tmall.gateway.delivery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OriginTests {

	@ParameterizedTest(name = "from {0} to {1} is {2}")
	@CsvSource({ "ES, ES, DOMESTIC", "PL, ES, EU", "DE, FR, EU", "CN, ES, CROSS_BORDER", "NO, NO, DOMESTIC",
			"NO, DE, CROSS_BORDER", "DE, NO, CROSS_BORDER", "GB, IE, CROSS_BORDER" })
	void shouldClassifyByTheShipFromCountryAgainstTheDestination(String from, String to, Origin origin) {
		assertThat(Origin.of(CountryCode.of(from), CountryCode.of(to))).isEqualTo(origin);
	}

	@ParameterizedTest
	@CsvSource({ "US, not an EU country", "CN, not an EU country", "NO, not an EU country", "IS, not an EU country",
			"LI, not an EU country", "es, not an ISO 3166-1", "XX, not an ISO 3166-1", "ESP, not an ISO 3166-1" })
	void shouldRefuseDestinationsOutsideTheEu(String code, String reason) {
		assertThatIllegalArgumentException().isThrownBy(() -> CountryCode.destination(code))
			.withMessageContaining(reason);
	}

	@ParameterizedTest
	@CsvSource({ "ES", "PL", "FI", "CY", "HR" })
	void shouldAcceptEuDestinations(String code) {
		assertThat(CountryCode.destination(code).value()).isEqualTo(code);
	}

}
