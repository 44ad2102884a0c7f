package eu.tmall.gateway.pricing;

import java.math.BigDecimal;
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
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The rules of what a parcel costs delivered, defaults in {@code application.yml}.
 *
 * @param vat the EU countries' standard VAT rates, one table per date a rate changed
 * @param customs the import threshold, duties and fees
 */
@ConfigurationProperties("gateway.pricing")
public record PricingProperties(List<VatTable> vat, Customs customs) {

	public PricingProperties {
		if (vat == null || vat.isEmpty()) {
			throw new IllegalArgumentException("gateway.pricing.vat needs at least one table of VAT rates");
		}
		if (customs == null) {
			throw new IllegalArgumentException("gateway.pricing.customs is missing");
		}
		vat = List.copyOf(vat);
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
	 * @param flatDutyFrom the first day the flat duty is charged
	 * @param handlingFee a per-parcel handling fee on IOSS parcels; unset or zero for
	 * none
	 * @param clearanceFee what the carrier charges to clear a parcel above the threshold
	 * @param defaultDutyRate the duty rate in percent of a category without a tariff
	 * @param tariffs the catalog's categories with their tariff sub-heading and duty rate
	 */
	public record Customs(BigDecimal iossThreshold, BigDecimal flatDuty,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate flatDutyFrom, @Nullable BigDecimal handlingFee,
			BigDecimal clearanceFee, BigDecimal defaultDutyRate, List<Tariff> tariffs) {

		public Customs {
			if (iossThreshold == null || flatDuty == null || flatDutyFrom == null || clearanceFee == null
					|| defaultDutyRate == null || tariffs == null) {
				throw new IllegalArgumentException(
						"gateway.pricing.customs needs ioss-threshold, flat-duty, flat-duty-from, clearance-fee, default-duty-rate and tariffs");
			}
			handlingFee = (handlingFee != null && handlingFee.signum() > 0) ? handlingFee : null;
			tariffs = List.copyOf(tariffs);
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
