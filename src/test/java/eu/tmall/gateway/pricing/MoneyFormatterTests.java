package eu.tmall.gateway.pricing;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyFormatterTests {

	private static final char NBSP = '\u00a0';

	private static final char NARROW_NBSP = '\u202f';

	private final MoneyFormatter formatter = new MoneyFormatter();

	// '_' stands for a no-break space, '~' for a narrow one, as CLDR writes them
	@ParameterizedTest(name = "{0}: {1} {2} is {3}")
	@CsvSource(delimiter = '|', value = { "en    | 24.90   | EUR | €24.90", "en    | 1234.50 | EUR | €1,234.50",
			"en    | 107.45  | PLN | PLN107.45", "es    | 24.90   | EUR | 24,90_€",
			"es    | 1234.50 | EUR | 1.234,50_€", "de    | 1234.50 | EUR | 1.234,50_€",
			"de    | 107.45  | PLN | 107,45_PLN", "pl    | 107.45  | PLN | 107,45_zł",
			"pl    | 1234.50 | PLN | 1_234,50_zł", "pl    | 24.90   | EUR | 24,90_€",
			"fr    | 1234.50 | EUR | 1~234,50_€", "fr    | 107.45  | PLN | 107,45_PLN",
			"it    | 24.90   | EUR | 24,90_€", "nl    | 24.90   | EUR | €_24,90", "pt    | 24.90   | EUR | 24,90_€",
			"pt-BR | 24.90   | EUR | 24,90_€", "de-AT | 24.90   | EUR | 24,90_€", "ja    | 24.90   | EUR | €24.90",
			"sv    | 24.90   | SEK | SEK24.90" })
	void shouldFormatInTheShoppersLanguageOrEnglish(String language, String amount, Currency currency,
			String expected) {
		String formatted = this.formatter.format(Money.of(amount, currency), Locale.forLanguageTag(language));

		assertThat(formatted).isEqualTo(expected.replace('_', NBSP).replace('~', NARROW_NBSP));
	}

}
