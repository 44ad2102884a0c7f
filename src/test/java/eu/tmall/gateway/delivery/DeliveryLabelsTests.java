package eu.tmall.gateway.delivery;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryLabelsTests {

	private final DeliveryLabels labels = new DeliveryLabels(messages());

	@ParameterizedTest(name = "[{0}] {1}→ES {2}–{3}: {4}")
	@CsvSource(delimiter = '|', value = {
	// @formatter:off
			"en|ES|1|2|Ships from Spain · 1–2 business days",
			"en|DE|2|4|Ships from Germany · 2–4 business days",
			"en|CN|8|15|Ships from China · 8–15 business days",
			"es|ES|1|2|Envío desde España · 1–2 días hábiles",
			"es|DE|2|4|Envío desde Alemania · 2–4 días hábiles",
			"es|CN|8|15|Envío desde China · 8–15 días hábiles",
			"fr|ES|1|2|Expédition\u00a0: Espagne · 1–2 jours ouvrés",
			"fr|DE|2|4|Expédition\u00a0: Allemagne · 2–4 jours ouvrés",
			"fr|CN|8|15|Expédition\u00a0: Chine · 8–15 jours ouvrés",
			"de|ES|1|2|Versand: Spanien · 1–2 Werktage",
			"de|DE|2|4|Versand: Deutschland · 2–4 Werktage",
			"de|CN|8|15|Versand: China · 8–15 Werktage",
			"it|ES|1|2|Spedizione: Spagna · 1–2 giorni lavorativi",
			"it|DE|2|4|Spedizione: Germania · 2–4 giorni lavorativi",
			"it|CN|8|15|Spedizione: Cina · 8–15 giorni lavorativi",
			"pl|ES|1|2|Wysyłka: Hiszpania · 1–2 dni robocze",
			"pl|DE|2|4|Wysyłka: Niemcy · 2–4 dni robocze",
			"pl|CN|8|15|Wysyłka: Chiny · 8–15 dni roboczych",
			"nl|ES|1|2|Verzonden uit Spanje · 1–2 werkdagen",
			"nl|DE|2|4|Verzonden uit Duitsland · 2–4 werkdagen",
			"nl|CN|8|15|Verzonden uit China · 8–15 werkdagen",
			"pt|ES|1|2|Envio: Espanha · 1–2 dias úteis",
			"pt|DE|2|4|Envio: Alemanha · 2–4 dias úteis",
			"pt|CN|8|15|Envio: China · 8–15 dias úteis",
			"pt|PL|2|4|Envio: Polónia · 2–4 dias úteis"
	// @formatter:on
	})
	void shouldSayWhereFromAndHowLongInTheShoppersLanguage(String language, String from, int min, int max,
			String label) {
		assertThat(this.labels.label(estimate(from, min, max), Locale.forLanguageTag(language))).isEqualTo(label);
	}

	@ParameterizedTest(name = "[{0}] {1} days: {2}")
	@CsvSource(delimiter = '|', value = {
	// @formatter:off
			"en|1|Ships from Spain · 1 business day",
			"en|3|Ships from Spain · 3 business days",
			"en|0|Ships from Spain · same business day",
			"es|1|Envío desde España · 1 día hábil",
			"es|0|Envío desde España · el mismo día hábil",
			"fr|1|Expédition\u00a0: Espagne · 1 jour ouvré",
			"fr|0|Expédition\u00a0: Espagne · le même jour ouvré",
			"de|1|Versand: Spanien · 1 Werktag",
			"de|0|Versand: Spanien · am selben Werktag",
			"it|1|Spedizione: Spagna · 1 giorno lavorativo",
			"it|0|Spedizione: Spagna · lo stesso giorno lavorativo",
			"pl|1|Wysyłka: Hiszpania · 1 dzień roboczy",
			"pl|0|Wysyłka: Hiszpania · tego samego dnia roboczego",
			"nl|1|Verzonden uit Spanje · 1 werkdag",
			"nl|0|Verzonden uit Spanje · dezelfde werkdag",
			"pt|1|Envio: Espanha · 1 dia útil",
			"pt|0|Envio: Espanha · no mesmo dia útil"
	// @formatter:on
	})
	void shouldSayAnExactNumberOfDays(String language, int days, String label) {
		assertThat(this.labels.label(estimate("ES", days, days), Locale.forLanguageTag(language))).isEqualTo(label);
	}

	@ParameterizedTest(name = "{0}–{1}: {2}")
	@CsvSource(delimiter = '|',
			value = { "1|1|1 dzień roboczy", "2|2|2 dni robocze", "4|4|4 dni robocze", "5|5|5 dni roboczych",
					"12|12|12 dni roboczych", "22|22|22 dni robocze", "0|1|0–1 dzień roboczy", "2|4|2–4 dni robocze",
					"3|5|3–5 dni roboczych", "10|12|10–12 dni roboczych", "20|22|20–22 dni robocze",
					"22|24|22–24 dni robocze", "15|30|15–30 dni roboczych" })
	void shouldUsePolishPluralFormsByTheUpperBound(int min, int max, String days) {
		assertThat(this.labels.label(estimate("PL", min, max), Locale.forLanguageTag("pl")))
			.isEqualTo("Wysyłka: Polska · " + days);
	}

	@ParameterizedTest
	@CsvSource({ "ja", "zh-CN", "en-GB", "und" })
	void shouldAnswerLanguagesWithoutABundleInEnglish(String languageTag) {
		assertThat(this.labels.label(estimate("CN", 8, 15), Locale.forLanguageTag(languageTag)))
			.isEqualTo("Ships from China · 8–15 business days");
	}

	@ParameterizedTest
	@CsvSource({ "de-AT, Versand: China · 8–15 Werktage", "pt-BR, Envio: China · 8–15 dias úteis" })
	void shouldAnswerARegionalVariantInItsLanguage(String languageTag, String label) {
		assertThat(this.labels.label(estimate("CN", 8, 15), Locale.forLanguageTag(languageTag))).isEqualTo(label);
	}

	private static DeliveryEstimate estimate(String from, int min, int max) {
		return new DeliveryEstimate(CountryCode.of(from), Origin.of(CountryCode.of(from), CountryCode.of("ES")), min,
				max, LocalDate.MIN, LocalDate.MIN, DeliverySpeed.of(max), null);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
