package eu.tmall.gateway.pricing;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyFormatterTests {

	private static final char NBSP = '\u00a0';

	private static final char NARROW_NBSP = '\u202f';

	private final MoneyFormatter formatter = new MoneyFormatter();

	// '_' stands for a no-break space, '~' for a narrow one, as CLDR writes them.
	// Spanish,
	// Polish and Portuguese do not group four digits (CLDR's minimum grouping digits);
	// English parts a currency code from the digits.
	@ParameterizedTest(name = "{0}: {1} {2} is {3}")
	@CsvSource(delimiter = '|', value = { "en    | 24.90   | EUR | €24.90", "en    | 1234.50 | EUR | €1,234.50",
			"en    | 101.87  | PLN | PLN_101.87", "es    | 24.90   | EUR | 24,90_€",
			"es    | 1226.47 | EUR | 1226,47_€", "es    | 12345.50 | EUR | 12.345,50_€",
			"de    | 1234.50 | EUR | 1.234,50_€", "de    | 107.45  | PLN | 107,45_PLN",
			"pl    | 107.45  | PLN | 107,45_zł", "pl    | 1226.47 | PLN | 1226,47_zł",
			"pl    | 24.90   | EUR | 24,90_€", "fr    | 1234.50 | EUR | 1~234,50_€",
			"fr    | 107.45  | PLN | 107,45_PLN", "it    | 24.90   | EUR | 24,90_€", "nl    | 24.90   | EUR | €_24,90",
			"pt    | 1226.47 | EUR | 1226,47_€", "pt-BR | 24.90   | EUR | 24,90_€", "de-AT | 24.90   | EUR | 24,90_€",
			"ja    | 24.90   | EUR | €24.90", "sv    | 3163.46 | SEK | 3_163,46_kr",
			"cs    | 1234.50 | CZK | 1_234,50_Kč", "hu    | 9190.90 | HUF | 9190,90_Ft",
			"da    | 24.90   | DKK | 24,90_kr.", "ro    | 24.90   | RON | 24,90_RON",
			"bg    | 24.90   | EUR | 24,90_€" })
	void shouldFormatInTheShoppersLanguageAsCldrWritesIt(String language, String amount, Currency currency,
			String expected) {
		String formatted = this.formatter.format(Money.of(amount, currency), Locale.forLanguageTag(language));

		assertThat(formatted).isEqualTo(expected.replace('_', NBSP).replace('~', NARROW_NBSP));
	}

}
