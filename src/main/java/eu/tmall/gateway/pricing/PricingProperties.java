package eu.tmall.gateway.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import eu.tmall.gateway.delivery.CountryCode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The rules of what a parcel costs delivered, defaults in {@code application.yml}. Every
 * rule is dated: it applies from its {@code valid-from} day on and, where it has a
 * {@code valid-until}, before that day only.
 *
 * @param vat the EU countries' standard VAT rates, one table per date a rate changed
 * @param customs the import threshold, duties and clearance
 * @param fees national or EU-wide fees on parcels imported from outside the EU
 * @param ratesMaxAge how old the ECB reference rates may be before an amount converted at
 * them is marked outdated
 */
@ConfigurationProperties("gateway.pricing")
public record PricingProperties(List<VatTable> vat, Customs customs, @DefaultValue List<Fee> fees,
		@DefaultValue("7d") Duration ratesMaxAge) {

	public PricingProperties {
		if (vat == null || vat.isEmpty()) {
			throw new IllegalArgumentException("gateway.pricing.vat needs at least one table of VAT rates");
		}
		if (customs == null) {
			throw new IllegalArgumentException("gateway.pricing.customs is missing");
		}
		if (ratesMaxAge.isNegative()) {
			throw new IllegalArgumentException("gateway.pricing.rates-max-age cannot be negative: " + ratesMaxAge);
		}
		vat = List.copyOf(vat);
		fees = List.copyOf(fees);
	}

	/**
	 * Whether a rule valid from {@code from} until the day before {@code until} applies
	 * on {@code date}.
	 */
	static boolean inForce(LocalDate from, @Nullable LocalDate until, LocalDate date) {
		return !date.isBefore(from) && (until == null || date.isBefore(until));
	}

	private static void checkPeriod(String rule, @Nullable LocalDate from, @Nullable LocalDate until) {
		if (from == null) {
			throw new IllegalArgumentException(rule + " needs valid-from, the first day it applies");
		}
		if (until != null && !until.isAfter(from)) {
			throw new IllegalArgumentException(
					"%s: valid-until %s, the first day it no longer applies, must come after valid-from %s"
						.formatted(rule, until, from));
		}
	}

	/**
	 * The standard VAT rates from a date on.
	 *
	 * @param validFrom the first day the rates apply
	 * @param rates the rate in percent of every EU country, by ISO code
	 */
	public record VatTable(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			Map<String, BigDecimal> rates) {

		private static final Set<String> EU = CountryCode.euCodes();

		public VatTable {
			if (validFrom == null || rates == null) {
				throw new IllegalArgumentException("a gateway.pricing.vat table needs valid-from and rates");
			}
			Map<String, BigDecimal> upper = new TreeMap<>();
			rates.forEach((country, rate) -> upper.put(country.toUpperCase(Locale.ROOT), rate));
			Set<String> missing = new TreeSet<>(EU);
			missing.removeAll(upper.keySet());
			if (!missing.isEmpty()) {
				throw new IllegalArgumentException("the gateway.pricing.vat table valid from %s has no rate for %s"
					.formatted(validFrom, String.join(", ", missing)));
			}
			Set<String> extra = new TreeSet<>(upper.keySet());
			extra.removeAll(EU);
			if (!extra.isEmpty()) {
				throw new IllegalArgumentException("the gateway.pricing.vat table valid from %s lists %s, not in the EU"
					.formatted(validFrom, String.join(", ", extra)));
			}
			rates = Map.copyOf(upper);
		}

	}

	/**
	 * Customs on parcels from outside the EU. Amounts are in EUR.
	 *
	 * @param iossThreshold the highest intrinsic value a consignment may have to be sold
	 * under IOSS
	 * @param flatDuty the customs duty per distinct tariff sub-heading of an IOSS parcel
	 * @param clearanceFee what the carrier charges to clear a parcel above the threshold
	 * @param defaultDutyRate the duty rate in percent of a category without a tariff
	 * @param tariffs the catalog's categories with their tariff sub-heading and duty rate
	 */
	public record Customs(BigDecimal iossThreshold, FlatDuty flatDuty, BigDecimal clearanceFee,
			BigDecimal defaultDutyRate, List<Tariff> tariffs) {

		public Customs {
			if (iossThreshold == null || flatDuty == null || clearanceFee == null || defaultDutyRate == null
					|| tariffs == null) {
				throw new IllegalArgumentException(
						"gateway.pricing.customs needs ioss-threshold, flat-duty, clearance-fee, default-duty-rate and tariffs");
			}
			tariffs = List.copyOf(tariffs);
		}

	}

	/**
	 * The interim customs duty on parcels of an intrinsic value up to the IOSS threshold.
	 *
	 * @param amount EUR per distinct tariff sub-heading in the parcel
	 * @param validFrom the first day it is charged
	 * @param validUntil the first day it is no longer charged; unset while it has no end
	 */
	public record FlatDuty(BigDecimal amount, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validUntil) {

		public FlatDuty {
			if (amount == null || amount.signum() < 0) {
				throw new IllegalArgumentException(
						"gateway.pricing.customs.flat-duty.amount must be a EUR amount, not " + amount);
			}
			checkPeriod("gateway.pricing.customs.flat-duty", validFrom, validUntil);
		}

		boolean appliesOn(LocalDate date) {
			return inForce(this.validFrom, this.validUntil, date);
		}

	}

	/**
	 * A fee a member state (or the EU) charges on parcels from outside the EU up to a
	 * value, e.g. Italy's €2 per consignment up to €150.
	 *
	 * @param country the ISO code of the destination that charges it, or {@code EU} for
	 * every member state
	 * @param amount what it costs, in {@code currency}
	 * @param currency the currency the fee is set in, e.g. RON for Romania's
	 * @param per whether it is charged once a parcel or once for each of its items
	 * @param maxIntrinsicValue the highest intrinsic value (EUR, goods net of VAT without
	 * transport) a parcel it applies to may have
	 * @param validFrom the first day it is charged
	 * @param validUntil the first day it is no longer charged; unset while it has no end
	 */
	public record Fee(String country, BigDecimal amount, Currency currency, @DefaultValue("PARCEL") Per per,
			BigDecimal maxIntrinsicValue, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validUntil) {

		/** The {@code country} of a fee every member state charges. */
		public static final String EVERY_MEMBER_STATE = "EU";

		public Fee {
			if (country == null || !(EVERY_MEMBER_STATE.equals(country) || CountryCode.euCodes().contains(country))) {
				throw new IllegalArgumentException(
						"a gateway.pricing.fees entry needs country, an EU member state's ISO code or EU, not "
								+ country);
			}
			if (amount == null || amount.signum() < 0 || currency == null) {
				throw new IllegalArgumentException(
						"the gateway.pricing.fees entry of %s needs an amount and a currency".formatted(country));
			}
			if (maxIntrinsicValue == null || maxIntrinsicValue.signum() <= 0) {
				throw new IllegalArgumentException(
						"the gateway.pricing.fees entry of %s needs max-intrinsic-value, the highest value (EUR) it applies to"
							.formatted(country));
			}
			checkPeriod("the gateway.pricing.fees entry of " + country, validFrom, validUntil);
		}

		boolean appliesTo(CountryCode shipTo, LocalDate date) {
			return (EVERY_MEMBER_STATE.equals(this.country) || this.country.equals(shipTo.value()))
					&& inForce(this.validFrom, this.validUntil, date);
		}

		/** What a fee is charged for. */
		public enum Per {

			/** Once for the whole consignment. */
			PARCEL,

			/** Once for each article in it. */
			ITEM

		}

	}

	/**
	 * Where a catalog category sits in the EU's Combined Nomenclature.
	 *
	 * @param category the catalog category, e.g. "Audio"
	 * @param hsCode the six-digit HS sub-heading, e.g. "8518.30"
	 * @param dutyRate the EU conventional duty rate in percent
	 */
	public record Tariff(String category, String hsCode, BigDecimal dutyRate) {

		private static final Pattern HS_SUBHEADING = Pattern.compile("\\d{4}\\.\\d{2}");

		public Tariff {
			if (category == null || hsCode == null || !HS_SUBHEADING.matcher(hsCode).matches() || dutyRate == null
					|| dutyRate.signum() < 0) {
				throw new IllegalArgumentException(
						"a gateway.pricing.customs tariff needs a category, an HS sub-heading like 8518.30 and a duty rate, not %s %s %s"
							.formatted(category, hsCode, dutyRate));
			}
		}

	}

}
