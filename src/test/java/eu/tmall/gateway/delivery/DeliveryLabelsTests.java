package eu.tmall.gateway.delivery;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryLabelsTests {

	private final DeliveryLabels labels = new DeliveryLabels(messages());

	@ParameterizedTest(name = "{0} {1}-{2} days: {3}")
	@CsvSource(delimiter = '|',
			value = { "CN|8|15|Ships from China · 8–15 business days", "ES|1|2|Ships from Spain · 1–2 business days",
					"PL|1|1|Ships from Poland · 1 business day", "DE|3|3|Ships from Germany · 3 business days",
					"FR|0|0|Ships from France · same business day" })
	void shouldSayWhereFromAndHowLongInEnglish(String from, int min, int max, String label) {
		DeliveryEstimate estimate = new DeliveryEstimate(CountryCode.of(from), Origin.EU, min, max, LocalDate.MIN,
				LocalDate.MIN, null);

		assertThat(this.labels.label(estimate, Locale.ENGLISH)).isEqualTo(label);
	}

	@ParameterizedTest
	@CsvSource({ "ja", "zh-CN", "en-GB" })
	void shouldAnswerLanguagesWithoutABundleInEnglish(String languageTag) {
		DeliveryEstimate estimate = new DeliveryEstimate(CountryCode.of("CN"), Origin.CROSS_BORDER, 8, 15,
				LocalDate.MIN, LocalDate.MIN, null);

		assertThat(this.labels.label(estimate, Locale.forLanguageTag(languageTag)))
			.isEqualTo("Ships from China · 8–15 business days");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
