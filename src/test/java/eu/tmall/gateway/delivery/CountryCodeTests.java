package eu.tmall.gateway.delivery;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Where each country's days start and end, and which countries are destinations.
 */
class CountryCodeTests {

	@Test
	void shouldKeepTheDaysOfEachDestinationInItsOwnZone() {
		assertThat(CountryCode.euCodes()).hasSize(27)
			.allSatisfy(code -> assertThat(CountryCode.of(code).timeZone()).isNotEqualTo(ZoneId.of("UTC")));
		assertThat(CountryCode.of("CY").timeZone()).isEqualTo(ZoneId.of("Asia/Nicosia"));
		assertThat(CountryCode.of("PT").timeZone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
	}

	@Test
	void shouldPlaceWarehousesAndTheRestOfTheEeaInTheirZonesAndAnyOtherCountryInUtc() {
		assertThat(CountryCode.of("FI").timeZone()).isEqualTo(ZoneId.of("Europe/Helsinki"));
		assertThat(CountryCode.of("NO").timeZone()).isEqualTo(ZoneId.of("Europe/Oslo"));
		assertThat(CountryCode.of("CN").timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(CountryCode.of("BR").timeZone()).isEqualTo(ZoneId.of("UTC"));
	}

	@Test
	void shouldServeOnlyEuDestinations() {
		assertThat(CountryCode.of("CN").isEu()).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> CountryCode.destination("NO"))
			.withMessageContaining("not an EU country");
	}

}
