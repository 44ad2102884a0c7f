package eu.tmall.gateway.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GtinTests {

	@ParameterizedTest(name = "{0} is held as {1}")
	@CsvSource({ "4006381333931, 04006381333931", "036000291452, 00036000291452", "96385074, 00000096385074",
			"10614141000415, 10614141000415", "' 8410076472885 ', 08410076472885" })
	void shouldNormaliseEveryGtinLengthTo14Digits(String text, String digits) {
		assertThat(Gtin.parse(text).digits()).isEqualTo(digits);
	}

	@ParameterizedTest(name = "{0} is shown as {1}")
	@CsvSource({ "04006381333931, 4006381333931", "10614141000415, 10614141000415" })
	void shouldShowTheEan13WhenTheIndicatorIsZero(String digits, String shown) {
		assertThat(new Gtin(digits)).hasToString(shown);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|',
			value = { "4006381333932|the check digit should be 1, not 2", "40063813339|expected 8, 12, 13 or 14 digits",
					"40063813339A1|expected 8, 12, 13 or 14 digits", "|expected 8, 12, 13 or 14 digits",
					"0212345678909|prefix 02 is restricted", "0412345678903|prefix 04 is restricted",
					"2112345678900|prefix 21 is restricted", "0512345678900|prefix 05 is reserved for coupons",
					"9812345678902|prefix 98 is reserved", "9912345678909|prefix 99 is reserved",
					"20123451|GTIN-8 numbers starting with 0 or 2", "91234567890121|variable-measure" })
	void shouldRefuseWhatIsNotAProductGtinAndSayWhy(String text, String reason) {
		assertThatIllegalArgumentException().isThrownBy(() -> Gtin.parse(text)).withMessageContaining(reason);
	}

	@ParameterizedTest
	@CsvSource({ "400638133393, 1", "03600029145, 2", "9638507, 4", "1061414100041, 5" })
	void shouldComputeTheGs1CheckDigit(String body, int checkDigit) {
		assertThat(Gtin.checkDigit(body)).isEqualTo(checkDigit);
	}

}
