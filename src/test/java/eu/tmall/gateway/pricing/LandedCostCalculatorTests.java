package eu.tmall.gateway.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import eu.tmall.gateway.delivery.CountryCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class LandedCostCalculatorTests {

	private static final String RATES_2025 = "AT 20 BE 21 BG 20 HR 25 CY 19 CZ 21 DK 25 EE 22 FI 25.5 FR 20 DE 19 GR 24 "
			+ "HU 27 IE 23 IT 22 LV 21 LT 21 LU 17 MT 18 NL 21 PL 23 PT 23 RO 21 SK 23 SI 22 ES 21 SE 25";

	private final LandedCostCalculator calculator = calculator(null);

	static Stream<Arguments> breakdowns() {
		// expected: goods shipping vat duty fees total
		return Stream.of(
				arguments("IOSS limit: intrinsic value €150.00 is IOSS", parcel("CN", "DE", "0", audio("178.50")),
						"2026-06-30", Currency.EUR, ImportRegime.IOSS, "150.00 0.00 28.50 0.00 0.00 178.50"),
				arguments("IOSS limit: intrinsic value €150.01 is IMPORT", parcel("CN", "DE", "0", audio("178.51")),
						"2026-06-30", Currency.EUR, ImportRegime.IMPORT, "150.01 0.00 29.07 3.00 10.00 192.08"),
				arguments("IOSS limit: shipping is not part of the intrinsic value",
						parcel("CN", "DE", "11.90", audio("178.50")), "2026-06-30", Currency.EUR, ImportRegime.IOSS,
						"150.00 10.00 30.40 0.00 0.00 190.40"),
				arguments("flat duty: none before 2026-07-01", parcel("CN", "DE", "2.38", audio("59.50")), "2026-06-30",
						Currency.EUR, ImportRegime.IOSS, "50.00 2.00 9.88 0.00 0.00 61.88"),
				arguments("flat duty: €3 from 2026-07-01", parcel("CN", "DE", "2.38", audio("59.50")), "2026-07-01",
						Currency.EUR, ImportRegime.IOSS, "50.00 2.00 9.88 3.00 0.00 64.88"),
				arguments("flat duty: two items of one sub-heading pay €3",
						parcel("CN", "DE", "0", audio("59.50"), audio("23.80")), "2026-07-01", Currency.EUR,
						ImportRegime.IOSS, "70.00 0.00 13.30 3.00 0.00 86.30"),
				arguments("flat duty: two sub-headings pay €6",
						parcel("CN", "DE", "0", audio("59.50"), item("23.80", "Toys")), "2026-07-01", Currency.EUR,
						ImportRegime.IOSS, "70.00 0.00 13.30 6.00 0.00 89.30"),
				arguments("flat duty: an unknown category is a sub-heading of its own",
						parcel("CN", "DE", "0", item("59.50", null), item("23.80", "Garden")), "2026-07-01",
						Currency.EUR, ImportRegime.IOSS, "70.00 0.00 13.30 6.00 0.00 89.30"),
				arguments("flat duty: unclassified items share one sub-heading",
						parcel("CN", "DE", "0", item("59.50", null), item("23.80", null)), "2026-07-01", Currency.EUR,
						ImportRegime.IOSS, "70.00 0.00 13.30 3.00 0.00 86.30"),
				arguments("EU internal: a domestic offer has no import charges",
						parcel("ES", "ES", "6.05", audio("121.00")), "2026-07-01", Currency.EUR,
						ImportRegime.EU_INTERNAL, "100.00 5.00 22.05 0.00 0.00 127.05"),
				arguments("EU internal: another EU country has no import charges, even above €150",
						parcel("DE", "PL", "0", item("615.00", "Computers")), "2026-07-01", Currency.EUR,
						ImportRegime.EU_INTERNAL, "500.00 0.00 115.00 0.00 0.00 615.00"),
				arguments("IMPORT: duty per category, VAT on goods + shipping + duty, clearance fee",
						parcel("CN", "DE", "11.90", audio("238.00"), item("119.00", "Toys")), "2026-07-15",
						Currency.EUR, ImportRegime.IMPORT, "300.00 10.00 60.55 8.70 10.00 389.25"),
				arguments("IMPORT: Finland's 25.5% and the default rate of an unclassified item",
						parcel("CN", "FI", "12.55", item("251.00", "Tools & DIY"), item("62.75", null)), "2026-07-15",
						Currency.EUR, ImportRegime.IMPORT, "250.00 10.00 68.19 7.40 10.00 345.59"),
				arguments("rounding: EU internal in PLN keeps the converted shelf price",
						parcel("DE", "DE", "0", audio("24.90")), "2026-07-01", Currency.PLN, ImportRegime.EU_INTERNAL,
						"88.70 0.00 16.86 0.00 0.00 105.56"),
				arguments("rounding: IOSS in HUF, half-even, the €3 converted",
						parcel("CN", "HU", "0", item("63.50", "Toys")), "2026-07-01", Currency.HUF, ImportRegime.IOSS,
						"19481.50 0.00 5260.00 1168.89 0.00 25910.39"),
				arguments("rounding: IMPORT in SEK rounds each part, the total is their sum",
						parcel("CN", "SE", "12.50", audio("250.00")), "2026-07-15", Currency.SEK, ImportRegime.IMPORT,
						"2186.90 109.34 585.00 43.74 109.34 3034.32"),
				arguments("VAT table: Estonia 22% until 2025-06-30", parcel("DE", "EE", "0", audio("122.00")),
						"2025-06-30", Currency.EUR, ImportRegime.EU_INTERNAL, "100.00 0.00 22.00 0.00 0.00 122.00"),
				arguments("VAT table: Estonia 24% from 2025-07-01", parcel("DE", "EE", "0", audio("122.00")),
						"2025-07-01", Currency.EUR, ImportRegime.EU_INTERNAL, "98.39 0.00 23.61 0.00 0.00 122.00"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("breakdowns")
	void shouldBreakTheLandedCostDownByTheRules(String rule, Consignment consignment, String date, Currency currency,
			ImportRegime regime, String expected) {
		LandedCost cost = this.calculator.landedCost(consignment, LocalDate.parse(date), currency);

		assertThat(cost.regime()).isEqualTo(regime);
		assertThat(amounts(cost)).isEqualTo(expected);
		assertThat(cost.total().currency()).isEqualTo(currency);
		assertThat(cost.rulesDate()).isEqualTo(date);
	}

	@ParameterizedTest(name = "VAT table: {0} on {1} is {2}%")
	@CsvSource({ "EE, 2025-06-30, 22", "EE, 2025-07-01, 24", "FI, 2026-07-01, 25.5", "HU, 2026-07-01, 27" })
	void shouldTakeTheRateFromTheLatestTableValidOnTheDate(String country, String date, String rate) {
		LandedCost cost = this.calculator.landedCost(parcel("DE", country, "0", audio("10.00")), LocalDate.parse(date),
				Currency.EUR);

		assertThat(cost.vatRate()).isEqualByComparingTo(rate);
	}

	@Test
	void shouldChargeTheHandlingFeePerIossParcelWhenConfigured() {
		LandedCostCalculator withFee = calculator(new BigDecimal("2.00"));

		LandedCost ioss = withFee.landedCost(parcel("CN", "DE", "2.38", audio("59.50")), LocalDate.parse("2026-07-01"),
				Currency.EUR);
		LandedCost internal = withFee.landedCost(parcel("ES", "DE", "2.38", audio("59.50")),
				LocalDate.parse("2026-07-01"), Currency.EUR);

		assertThat(amounts(ioss)).isEqualTo("50.00 2.00 9.88 3.00 2.00 66.88");
		assertThat(amounts(internal)).isEqualTo("50.00 2.00 9.88 0.00 0.00 61.88");
	}

	@ParameterizedTest(name = "breakdown adds up to the total in {0}")
	@EnumSource(Currency.class)
	void shouldAlwaysAddUpToTheTotal(Currency currency) {
		List<Consignment> parcels = List.of(parcel("DE", "FR", "4.99", audio("19.99"), item("7.49", "Toys")),
				parcel("CN", "PT", "1.11", item("33.33", "Beauty"), item("0.99", null)),
				parcel("CN", "SE", "17.77", item("333.33", "Tools & DIY"), audio("99.99")));
		for (Consignment parcel : parcels) {
			LandedCost cost = this.calculator.landedCost(parcel, LocalDate.parse("2026-08-03"), currency);
			BigDecimal sum = Stream.of(cost.goods(), cost.shipping(), cost.vat(), cost.duty(), cost.fees())
				.map(Money::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(sum).isEqualTo(cost.total().amount());
			assertThat(cost.total().amount().scale()).isEqualTo(currency.minorUnits());
		}
	}

	@Test
	void shouldRefuseADestinationOutsideTheEuNamingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calculator.landedCost(parcel("CN", "NO", "0", audio("10.00")),
					LocalDate.parse("2026-07-01"), Currency.EUR))
			.withMessageContaining("NO is not in the EU");
	}

	@Test
	void shouldRefuseADateBeforeTheFirstVatTable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calculator.landedCost(parcel("CN", "DE", "0", audio("10.00")),
					LocalDate.parse("2024-12-31"), Currency.EUR))
			.withMessageContaining("no VAT table is valid on 2024-12-31");
	}

	private static LandedCostCalculator calculator(@Nullable BigDecimal handlingFee) {
		List<PricingProperties.Tariff> tariffs = List.of(tariff("Audio", "8518.30", "2"),
				tariff("Computers", "8471.30", "0"), tariff("Tools & DIY", "8467.21", "2.7"),
				tariff("Toys", "9503.00", "4.7"));
		PricingProperties.Customs customs = new PricingProperties.Customs(new BigDecimal("150.00"),
				new BigDecimal("3.00"), LocalDate.parse("2026-07-01"), handlingFee, new BigDecimal("10.00"),
				new BigDecimal("4"), tariffs);
		List<PricingProperties.VatTable> vat = List.of(table("2025-01-01", RATES_2025),
				table("2025-07-01", RATES_2025.replace("EE 22", "EE 24")));
		return new LandedCostCalculator(new PricingProperties(vat, customs), new ExchangeRates());
	}

	private static PricingProperties.VatTable table(String validFrom, String rates) {
		String[] words = rates.split(" ");
		Map<String, BigDecimal> byCountry = new LinkedHashMap<>();
		for (int i = 0; i < words.length; i += 2) {
			byCountry.put(words[i], new BigDecimal(words[i + 1]));
		}
		return new PricingProperties.VatTable(LocalDate.parse(validFrom), byCountry);
	}

	private static PricingProperties.Tariff tariff(String category, String hsCode, String dutyRate) {
		return new PricingProperties.Tariff(category, hsCode, new BigDecimal(dutyRate));
	}

	private static Consignment parcel(String from, String to, String shipping, ConsignmentItem... items) {
		return new Consignment(Arrays.asList(items), Money.of(shipping, Currency.EUR), CountryCode.of(from),
				CountryCode.of(to));
	}

	private static ConsignmentItem audio(String price) {
		return item(price, "Audio");
	}

	private static ConsignmentItem item(String price, @Nullable String category) {
		return new ConsignmentItem(Money.of(price, Currency.EUR), category);
	}

	private static String amounts(LandedCost cost) {
		return Stream.of(cost.goods(), cost.shipping(), cost.vat(), cost.duty(), cost.fees(), cost.total())
			.map(money -> money.amount().toPlainString())
			.reduce((left, right) -> left + " " + right)
			.orElseThrow();
	}

}
