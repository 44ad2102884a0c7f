package eu.tmall.gateway.pricing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ExchangeRatesTests {

	private final ExchangeRates rates = new ExchangeRates();

	@Test
	void shouldReadTheBundledEcbSnapshot() {
		EcbReferenceRates snapshot = parse(bundled());

		assertThat(this.rates.date()).isEqualTo("2025-10-21");
		assertThat(snapshot.perEuro(Currency.PLN)).isEqualByComparingTo("4.2393");
		assertThat(snapshot.perEuro(Currency.HUF)).isEqualByComparingTo("389.63");
		assertThat(snapshot.perEuro(Currency.EUR)).isEqualByComparingTo("1");
	}

	@ParameterizedTest(name = "EUR -> {0} -> EUR comes back within one cent")
	@EnumSource(Currency.class)
	void shouldComeBackWithinOneMinorUnit(Currency currency) {
		for (String amount : new String[] { "0.01", "24.90", "149.99", "1234.56" }) {
			Money there = this.rates.convert(Money.of(amount, Currency.EUR), currency);
			Money back = this.rates.convert(there, Currency.EUR);

			assertThat(back.amount().subtract(new BigDecimal(amount)).abs())
				.isLessThanOrEqualTo(new BigDecimal("0.01"));
		}
	}

	@ParameterizedTest(name = "{3}: {0} EUR-quoted {1} in {2}")
	@CsvSource({ "24.90 EUR, PLN, 105.56, EUR to PLN at 4.2393", "105.56 PLN, EUR, 24.90, PLN to EUR at 1/4.2393",
			"100.00 PLN, HUF, 9190.90, PLN to HUF through the euro", "1.00 EUR, SEK, 10.93, rounded to the öre",
			"0.50 EUR, CZK, 12.16, rounded to the haléř", "1.50 EUR, HUF, 584.45, an exact half (584.445) rounds up",
			"7.00 DKK, DKK, 7.00, same currency unchanged" })
	void shouldConvertThroughTheEuroRoundedToTheMinorUnit(String from, Currency to, String expected, String rule) {
		String[] amount = from.split(" ");

		Money converted = this.rates.convert(Money.of(amount[0], Currency.of(amount[1])), to);

		assertThat(converted).isEqualTo(Money.of(expected, to));
	}

	static Stream<Arguments> malformedFiles() {
		String good = bundled();
		return Stream.of(arguments("not XML", "rates"), arguments("an HTML error page", "<html>maintenance</html>"),
				arguments("no date", good.replace(" time='2025-10-21'", "")),
				arguments("an impossible date", good.replace("2025-10-21", "2025-02-30")),
				arguments("a missing supported currency", good.replace("<Cube currency='PLN' rate='4.2393'/>", "")),
				arguments("a zero rate", good.replace("rate='4.2393'", "rate='0'")),
				arguments("a negative rate", good.replace("rate='4.2393'", "rate='-4.2393'")),
				arguments("a rate that is not a number", good.replace("rate='4.2393'", "rate='4,2393'")),
				arguments("two days, as in the history file",
						good.replace("\t\t<Cube time='2025-10-21'>",
								"\t\t<Cube time='2025-10-20'>\n\t\t</Cube>\n\t\t<Cube time='2025-10-21'>")),
				arguments("the wrong namespace", good.replace("2002-08-01/eurofxref", "2002-08-01/other")),
				arguments("an external entity (XXE)",
						good.replace("?>\n", "?>\n<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n")
							.replace("Reference rates", "&x;")));
	}

	@ParameterizedTest(name = "refuses {0}")
	@MethodSource("malformedFiles")
	void shouldRefuseAFileThatIsNotADayOfReferenceRates(String problem, String xml) {
		assertThatIllegalArgumentException().isThrownBy(() -> parse(xml));
	}

	@Test
	void shouldKeepNewerRatesWhenOfferedOlderOnes() {
		EcbReferenceRates older = parse(bundled().replace("2025-10-21", "2025-10-20").replace("4.2393", "9.9999"));
		EcbReferenceRates newer = parse(bundled().replace("2025-10-21", "2025-10-22").replace("4.2393", "4.2500"));

		assertThat(this.rates.offer(older)).isFalse();
		assertThat(this.rates.offer(newer)).isTrue();

		assertThat(this.rates.date()).isEqualTo(LocalDate.parse("2025-10-22"));
		assertThat(this.rates.convert(Money.of("1.00", Currency.EUR), Currency.PLN))
			.isEqualTo(Money.of("4.25", Currency.PLN));
	}

	static String bundled() {
		try (InputStream xml = new ClassPathResource(ExchangeRates.SNAPSHOT).getInputStream()) {
			return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static EcbReferenceRates parse(String xml) {
		return EcbReferenceRates.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

}
