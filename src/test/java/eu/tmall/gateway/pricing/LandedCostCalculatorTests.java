package eu.tmall.gateway.pricing;

import java.math.BigDecimal;
import java.time.Duration;
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

	private static final PricingProperties.Fee ITALY = new PricingProperties.Fee("IT", new BigDecimal("2.00"),
			Currency.EUR, PricingProperties.Fee.Per.PARCEL, new BigDecimal("150.00"), LocalDate.parse("2026-01-01"),
			null);

	private static final PricingProperties.Fee ROMANIA = new PricingProperties.Fee("RO", new BigDecimal("25.00"),
			Currency.RON, PricingProperties.Fee.Per.PARCEL, new BigDecimal("150.00"), LocalDate.parse("2026-01-01"),
			null);

	private final LandedCostCalculator calculator = calculator();

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
				// customs value: goods 300 + transport 10, shared by value: 238/357 of it
				// with
				// the audio, 119/357 with the toys. Duty 2 % of 206.6667 + 4.7 % of
				// 103.3333 =
				// 4.1333 + 4.8567 = 8.99; VAT 19 % of 300 + 10 + 8.99 = 60.6081
				arguments("IMPORT: duty on the customs value (goods and transport), VAT on it and the duty",
						parcel("CN", "DE", "11.90", audio("238.00"), item("119.00", "Toys")), "2026-07-15",
						Currency.EUR, ImportRegime.IMPORT, "300.00 10.00 60.61 8.99 10.00 389.60"),
				// transport 10 shared 0.8 / 0.2: duty 2.7 % of 208 + 4 % of 52 = 5.616 +
				// 2.08 =
				// 7.696; VAT 25.5 % of 267.696 = 68.2625
				arguments("IMPORT: Finland's 25.5% and the default rate of an unclassified item",
						parcel("CN", "FI", "12.55", item("251.00", "Tools & DIY"), item("62.75", null)), "2026-07-15",
						Currency.EUR, ImportRegime.IMPORT, "250.00 10.00 68.26 7.70 10.00 345.96"),
				// 24.90 / 1.19 x 4.2393 = 88.7046; 24.90 x 4.2393 = 105.5586
				arguments("rounding: EU internal in PLN keeps the converted shelf price",
						parcel("DE", "DE", "0", audio("24.90")), "2026-07-01", Currency.PLN, ImportRegime.EU_INTERNAL,
						"88.70 0.00 16.86 0.00 0.00 105.56"),
				// 63.50 x 389.63 = 24741.505, exactly half: up to 24741.51 (half-even
				// would
				// keep .50); net 50.00 x 389.63 = 19481.50; duty 3 x 389.63 = 1168.89
				arguments("rounding: IOSS in HUF, an exact half up, the €3 converted",
						parcel("CN", "HU", "0", item("63.50", "Toys")), "2026-07-01", Currency.HUF, ImportRegime.IOSS,
						"19481.50 0.00 5260.01 1168.89 0.00 25910.40"),
				// Luxembourg's 17 %: 7.50 / 1.17 x 4.2393 = 27.175 exactly, which a
				// quotient cut
				// at 34 digits left at 27.1749...: 27.17 whatever the rule; exact and
				// half up,
				// 27.18. 7.50 x 4.2393 = 31.79475
				arguments("rounding: an exact half-grosz net price rounds up, not by the noise of a division",
						parcel("DE", "LU", "0", audio("7.50")), "2026-11-26", Currency.PLN, ImportRegime.EU_INTERNAL,
						"27.18 0.00 4.61 0.00 0.00 31.79"),
				// 28.50 / 1.17 x 4.2393 = 103.265 exactly; 28.50 x 4.2393 = 120.82005
				arguments("rounding: 103.265 zł net rounds up by the rule", parcel("DE", "LU", "0", audio("28.50")),
						"2026-11-26", Currency.PLN, ImportRegime.EU_INTERNAL, "103.27 0.00 17.55 0.00 0.00 120.82"),
				// at 10.9345 kr: shipping and clearance 10 x 10.9345 = 109.345, an exact
				// half:
				// 109.35; duty 2 % of 210 = 4.20 = 45.9249; VAT 25 % of 214.20 = 53.55 =
				// 585.5425
				arguments("rounding: IMPORT in SEK rounds each part once, half up; the total is their sum",
						parcel("CN", "SE", "12.50", audio("250.00")), "2026-07-15", Currency.SEK, ImportRegime.IMPORT,
						"2186.90 109.35 585.54 45.92 109.35 3037.06"),
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

	static Stream<Arguments> nationalFees() {
		// expected: goods shipping vat duty fees total
		return Stream.of(
				// 61.00 / 1.22 = 50.00, 2.44 / 1.22 = 2.00; VAT 63.44 - 52.00 = 11.44
				arguments("Italy: EUR 2 on a parcel up to EUR 150 from outside the EU",
						parcel("CN", "IT", "2.44", audio("61.00")), "2026-07-01", Currency.EUR,
						"50.00 2.00 11.44 3.00 2.00 68.44"),
				arguments("Italy: not before 2026-01-01", parcel("CN", "IT", "2.44", audio("61.00")), "2025-12-31",
						Currency.EUR, "50.00 2.00 11.44 0.00 0.00 63.44"),
				arguments("Italy: not from inside the EU", parcel("ES", "IT", "2.44", audio("61.00")), "2026-07-01",
						Currency.EUR, "50.00 2.00 11.44 0.00 0.00 63.44"),
				// 244.00 / 1.22 = 200.00 > 150: duty 4.00, VAT 22 % of 204 = 44.88,
				// clearance
				arguments("Italy: not above EUR 150, where only the clearance is charged",
						parcel("CN", "IT", "0", audio("244.00")), "2026-07-01", Currency.EUR,
						"200.00 0.00 44.88 4.00 10.00 258.88"),
				arguments("Italy's fee is not Germany's", parcel("CN", "DE", "2.38", audio("59.50")), "2026-07-01",
						Currency.EUR, "50.00 2.00 9.88 3.00 0.00 64.88"),
				// at 5.0838 lei: 100.00 = 508.38, 121.00 = 615.1398, duty 3 = 15.2514;
				// the fee
				// is set in lei, so it stays 25.00
				arguments("Romania: 25 RON, quoted in lei", parcel("CN", "RO", "0", audio("121.00")), "2026-07-01",
						Currency.RON, "508.38 0.00 106.76 15.25 25.00 655.39"),
				// 25 / 5.0838 = 4.9176
				arguments("Romania: 25 RON, quoted in euros", parcel("CN", "RO", "0", audio("121.00")), "2026-07-01",
						Currency.EUR, "100.00 0.00 21.00 3.00 4.92 128.92"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("nationalFees")
	void shouldChargeTheDestinationsFeesOnLowValueImports(String rule, Consignment consignment, String date,
			Currency currency, String expected) {
		LandedCost cost = calculator(ITALY, ROMANIA).landedCost(consignment, LocalDate.parse(date), currency);

		assertThat(amounts(cost)).isEqualTo(expected);
	}

	@Test
	void shouldChargeAnEuWideFeePerItemWhereConfigured() {
		PricingProperties.Fee perItem = new PricingProperties.Fee("EU", new BigDecimal("0.50"), Currency.EUR,
				PricingProperties.Fee.Per.ITEM, new BigDecimal("150.00"), LocalDate.parse("2027-01-01"), null);

		LandedCost before = calculator(perItem).landedCost(
				parcel("CN", "FR", "0", audio("60.00"), item("12.00", "Toys")), LocalDate.parse("2026-12-31"),
				Currency.EUR);
		LandedCost after = calculator(perItem).landedCost(
				parcel("CN", "FR", "0", audio("60.00"), item("12.00", "Toys")), LocalDate.parse("2027-01-01"),
				Currency.EUR);

		// 72.00 / 1.20 = 60.00; two sub-headings: EUR 6 duty; two items: EUR 1 of fees
		assertThat(amounts(before)).isEqualTo("60.00 0.00 12.00 6.00 0.00 78.00");
		assertThat(amounts(after)).isEqualTo("60.00 0.00 12.00 6.00 1.00 79.00");
	}

	@ParameterizedTest(name = "flat duty on {0}: {1}")
	@CsvSource({ "2026-06-30, 0.00", "2026-07-01, 3.00", "2028-06-30, 3.00", "2028-07-01, 0.00", "2028-07-02, 0.00" })
	void shouldChargeTheFlatDutyFromItsFirstDayUntilItsEnd(String date, String duty) {
		LandedCost cost = this.calculator.landedCost(parcel("CN", "DE", "2.38", audio("59.50")), LocalDate.parse(date),
				Currency.EUR);

		assertThat(cost.regime()).isEqualTo(ImportRegime.IOSS);
		assertThat(cost.duty().amount()).isEqualByComparingTo(duty);
	}

	@ParameterizedTest(name = "rates of {0} on {1} in {2}: outdated {3}")
	@CsvSource({ "2026-06-24, 2026-07-01, PLN, false", "2026-06-24, 2026-07-02, PLN, true",
			"2026-06-24, 2026-07-02, EUR, false", "2025-10-21, 2026-07-02, EUR, false" })
	void shouldMarkAmountsConvertedAtRatesOlderThanTheMaximumAge(String ratesDate, String date, Currency currency,
			boolean outdated) {
		EcbReferenceRates snapshot = new ExchangeRates().current();
		LandedCostCalculator calculator = calculator(
				new ExchangeRates(new EcbReferenceRates(LocalDate.parse(ratesDate), snapshot.perEuro())));

		LandedCost cost = calculator.landedCost(parcel("CN", "DE", "0", audio("59.50")), LocalDate.parse(date),
				currency);

		assertThat(cost.exchangeRatesDate()).isEqualTo(ratesDate);
		assertThat(cost.exchangeRatesOutdated()).isEqualTo(outdated);
	}

	@Test
	void shouldMarkAFeeConvertedAtOutdatedRatesEvenInEuros() {
		LandedCost cost = calculator(ROMANIA).landedCost(parcel("CN", "RO", "0", audio("121.00")),
				LocalDate.parse("2026-07-01"), Currency.EUR);

		assertThat(cost.exchangeRatesOutdated()).isTrue();
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

	private static LandedCostCalculator calculator(PricingProperties.Fee... fees) {
		return calculator(new ExchangeRates(), fees);
	}

	private static LandedCostCalculator calculator(ExchangeRates rates, PricingProperties.Fee... fees) {
		List<PricingProperties.Tariff> tariffs = List.of(tariff("Audio", "8518.30", "2"),
				tariff("Computers", "8471.30", "0"), tariff("Tools & DIY", "8467.21", "2.7"),
				tariff("Toys", "9503.00", "4.7"));
		PricingProperties.Customs customs = new PricingProperties.Customs(
				new BigDecimal("150.00"), new PricingProperties.FlatDuty(new BigDecimal("3.00"),
						LocalDate.parse("2026-07-01"), LocalDate.parse("2028-07-01")),
				new BigDecimal("10.00"), new BigDecimal("4"), tariffs);
		List<PricingProperties.VatTable> vat = List.of(table("2025-01-01", RATES_2025),
				table("2025-07-01", RATES_2025.replace("EE 22", "EE 24")));
		return new LandedCostCalculator(new PricingProperties(vat, customs, List.of(fees), Duration.ofDays(7)), rates);
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
