package eu.tmall.gateway.delivery;

import java.math.BigDecimal;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.ibm.icu.impl.ICUData;
import com.ibm.icu.impl.ICUResourceBundle;
import com.ibm.icu.text.DecimalFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.UResourceBundle;
import com.ibm.icu.util.ULocale;
import eu.tmall.gateway.pricing.Currency;
import eu.tmall.gateway.pricing.Money;
import eu.tmall.gateway.pricing.MoneyFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every destination in every language: the label and a formatted amount checked against
 * what ICU itself says of the language (CLDR's country names, number formats and plural
 * rules), computed here, so no expected string is copied from the gateway.
 */
class EveryLanguageTests {

	static final List<Locale> languages = SupportedLocales.ALL;

	// a range of each shape the catalog has, and exact counts across the plural
	// categories
	private static final int[][] RANGES = { { 0, 1 }, { 1, 2 }, { 2, 4 }, { 3, 5 }, { 8, 15 }, { 16, 30 }, { 19, 28 },
			{ 20, 22 }, { 1, 1 }, { 2, 2 }, { 3, 3 }, { 5, 5 }, { 7, 7 }, { 11, 11 }, { 21, 21 }, { 102, 102 } };

	private static final Map<String, Currency> LOCAL_CURRENCY = Map.of("CZ", Currency.CZK, "DK", Currency.DKK, "HU",
			Currency.HUF, "PL", Currency.PLN, "RO", Currency.RON, "SE", Currency.SEK);

	private final ResourceBundleMessageSource messages = messages();

	private final DeliveryLabels labels = new DeliveryLabels(this.messages);

	private final MoneyFormatter money = new MoneyFormatter();

	@ParameterizedTest(name = "{0}")
	@FieldSource("languages")
	void shouldLabelEveryDestinationAsIcuSaysIt(Locale language) {
		Locale resolved = SupportedLocales.resolve(language);
		ULocale icu = ULocale.forLocale(resolved);
		PluralRules plurals = PluralRules.forLocale(icu);
		NumberFormat numbers = NumberFormat.getInstance(icu);
		for (String code : CountryCode.euCodes()) {
			CountryCode country = CountryCode.of(code);
			String name = new ULocale("", code, "").getDisplayCountry(icu);
			for (int[] range : RANGES) {
				String label = this.labels.label(estimate(country, range[0], range[1]), resolved);
				String count = (range[0] == range[1]) ? numbers.format(range[0])
						: numbers.format(range[0]) + "–" + numbers.format(range[1]);
				String form = dayForm(resolved, plurals.select(range[1]), range[0] == range[1]);

				assertThat(label).as("%s %s %d–%d", resolved, code, range[0], range[1])
					.contains(name)
					.contains(" · ")
					.endsWith(count + " " + form);
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("languages")
	void shouldFormatEveryDestinationsCurrencyAsIcuDoes(Locale language) {
		Locale resolved = SupportedLocales.resolve(language);
		for (String code : CountryCode.euCodes()) {
			Currency currency = LOCAL_CURRENCY.getOrDefault(code, Currency.EUR);
			for (String amount : new String[] { "0.05", "24.90", "1226.47", "31634.60" }) {
				ULocale locale = ULocale.forLocale(resolved);
				DecimalFormat icu = (DecimalFormat) NumberFormat.getInstance(locale, NumberFormat.CURRENCYSTYLE);
				// the legacy API groups from one digit on unless told CLDR's minimum
				icu.setMinimumGroupingDigits(minimumGroupingDigits(locale));
				icu.setCurrency(com.ibm.icu.util.Currency.getInstance(currency.name()));
				icu.setMinimumFractionDigits(currency.minorUnits());
				icu.setMaximumFractionDigits(currency.minorUnits());

				String formatted = this.money.format(Money.of(amount, currency), resolved);

				assertThat(formatted).as("%s %s %s", resolved, amount, currency)
					.isEqualTo(icu.format(new BigDecimal(amount)));
				Number parsed = icu.parse(formatted, new ParsePosition(0));
				assertThat(new BigDecimal(parsed.toString())).isEqualByComparingTo(amount);
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("languages")
	void shouldHaveABundleWithABranchForEveryPluralCategoryOfADayCount(Locale language) {
		Locale resolved = SupportedLocales.resolve(language);
		PluralRules plurals = PluralRules.forLocale(ULocale.forLocale(resolved));
		Set<String> categories = new HashSet<>();
		for (int days = 0; days <= Shipment.MAX_DAYS; days++) {
			categories.add(plurals.select(days));
		}
		for (String code : List.of("delivery.days.exact", "delivery.days.range")) {
			assertThat(branches(this.messages.getMessage(code, null, resolved)).keySet()).as("%s %s", resolved, code)
				.containsAll(categories);
		}
		if (!"en".equals(resolved.getLanguage())) {
			assertThat(this.messages.getMessage("delivery.label", null, resolved))
				.as("%s has its own sentence", resolved)
				.isNotEqualTo(this.messages.getMessage("delivery.label", null, Locale.ROOT));
		}
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "NL, Ships from the Netherlands · 1–2 business days", "ES, Ships from Spain · 1–2 business days",
			"CZ, Ships from Czechia · 1–2 business days", "US, Ships from the United States · 1–2 business days",
			"KY, Ships from the Cayman Islands · 1–2 business days" })
	void shouldSayTheInEnglishWhereTheCountryTakesIt(String country, String label) {
		assertThat(this.labels.label(estimate(CountryCode.of(country), 1, 2), Locale.ENGLISH)).isEqualTo(label);
	}

	@ParameterizedTest(name = "Accept-Language {0} in {1}: {2}")
	@CsvSource({ "de-AT, LT, de", "ja, BE, nl", "'', LU, fr", "ja, IE, en", "'', MT, mt", "zh, FI, fi", "'', CY, el",
			"pt-BR, ES, pt-PT", "'', PT, pt-PT", "ga, IE, ga", "'', BG, bg" })
	void shouldAnswerInTheRequestedLanguageElseTheDestinations(String requested, String destination, String answered) {
		Locale locale = requested.isEmpty() ? Locale.ROOT : Locale.forLanguageTag(requested);

		assertThat(SupportedLocales.resolve(locale, CountryCode.of(destination)))
			.isEqualTo(Locale.forLanguageTag(answered));
	}

	@Test
	void shouldGiveEveryDestinationOneOfTheLanguages() {
		for (String code : CountryCode.euCodes()) {
			assertThat(SupportedLocales.ALL)
				.contains(Locale.forLanguageTag(SupportedLocales.of(CountryCode.of(code)).getLanguage()));
		}
		assertThat(SupportedLocales.ALL).hasSize(24);
	}

	// the branch of the bundle's own plural pattern that ICU's rules pick, its '#' the
	// count as ICU writes it
	private String dayForm(Locale language, String category, boolean exact) {
		String pattern = this.messages.getMessage(exact ? "delivery.days.exact" : "delivery.days.range", null,
				language);
		String branch = branches(pattern).get(category);
		assertThat(branch).as("%s has a %s branch", language, category).isNotNull();
		return exact ? branch.substring(branch.indexOf('#') + 2) : branch;
	}

	// CLDR's minimum grouping digits of the locale: 2 where "1226,47" is not grouped
	private static int minimumGroupingDigits(ULocale locale) {
		ICUResourceBundle bundle = (ICUResourceBundle) UResourceBundle.getBundleInstance(ICUData.ICU_BASE_NAME, locale);
		ICUResourceBundle value = bundle.findWithFallback("NumberElements/minimumGroupingDigits");
		return (value != null) ? Integer.parseInt(value.getString()) : 1;
	}

	private static Map<String, String> branches(String pattern) {
		MessagePattern parsed = new MessagePattern(pattern);
		Map<String, String> branches = new LinkedHashMap<>();
		for (int i = 0; i < parsed.countParts(); i++) {
			MessagePattern.Part part = parsed.getPart(i);
			if (part.getType() != MessagePattern.Part.Type.ARG_SELECTOR) {
				continue;
			}
			// an explicit value (=0) has its number as a part of its own
			int message = parsed.getPart(i + 1).getType().hasNumericValue() ? i + 2 : i + 1;
			int start = parsed.getPart(message).getLimit();
			int limit = parsed.getPart(parsed.getLimitPartIndex(message)).getIndex();
			branches.put(parsed.getSubstring(part), pattern.substring(start, limit));
		}
		return branches;
	}

	private static DeliveryEstimate estimate(CountryCode from, int min, int max) {
		return new DeliveryEstimate(from, Origin.of(from, CountryCode.of("ES")), min, max, LocalDate.MIN, LocalDate.MIN,
				DeliverySpeed.of(max), null);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
