package eu.tmall.gateway.delivery;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.ibm.icu.util.ULocale;

/**
 * An ISO 3166-1 alpha-2 country. Any country can be a ship-from country; only the EU
 * states are destinations the gateway serves, as its import charges follow EU rules.
 */
public record CountryCode(String value) {

	private static final Set<String> ISO = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

	private static final Map<String, String> EU_TIME_ZONES = Map.ofEntries(Map.entry("AT", "Europe/Vienna"),
			Map.entry("BE", "Europe/Brussels"), Map.entry("BG", "Europe/Sofia"), Map.entry("HR", "Europe/Zagreb"),
			Map.entry("CY", "Asia/Nicosia"), Map.entry("CZ", "Europe/Prague"), Map.entry("DK", "Europe/Copenhagen"),
			Map.entry("EE", "Europe/Tallinn"), Map.entry("FI", "Europe/Helsinki"), Map.entry("FR", "Europe/Paris"),
			Map.entry("DE", "Europe/Berlin"), Map.entry("GR", "Europe/Athens"), Map.entry("HU", "Europe/Budapest"),
			Map.entry("IE", "Europe/Dublin"), Map.entry("IT", "Europe/Rome"), Map.entry("LV", "Europe/Riga"),
			Map.entry("LT", "Europe/Vilnius"), Map.entry("LU", "Europe/Luxembourg"), Map.entry("MT", "Europe/Malta"),
			Map.entry("NL", "Europe/Amsterdam"), Map.entry("PL", "Europe/Warsaw"), Map.entry("PT", "Europe/Lisbon"),
			Map.entry("RO", "Europe/Bucharest"), Map.entry("SK", "Europe/Bratislava"),
			Map.entry("SI", "Europe/Ljubljana"), Map.entry("ES", "Europe/Madrid"), Map.entry("SE", "Europe/Stockholm"));

	private static final Map<String, String> EEA_ONLY_TIME_ZONES = Map.of("IS", "Atlantic/Reykjavik", "LI",
			"Europe/Vaduz", "NO", "Europe/Oslo");

	// where the marketplaces' warehouses outside the EEA are, so their cut-offs fall at
	// local time; a country with several zones gets its main logistics hub's
	private static final Map<String, String> WAREHOUSE_TIME_ZONES = Map.ofEntries(Map.entry("CN", "Asia/Shanghai"),
			Map.entry("HK", "Asia/Hong_Kong"), Map.entry("TW", "Asia/Taipei"), Map.entry("KR", "Asia/Seoul"),
			Map.entry("JP", "Asia/Tokyo"), Map.entry("SG", "Asia/Singapore"), Map.entry("US", "America/New_York"),
			Map.entry("GB", "Europe/London"), Map.entry("CH", "Europe/Zurich"), Map.entry("TR", "Europe/Istanbul"));

	// parsed once: ZoneId.of reads its id again on every call, for every offer quoted
	private static final Map<String, ZoneId> ZONES = zones();

	private static final ZoneId UTC = ZoneId.of("UTC");

	private static final Set<String> DEFINITE_IN_ENGLISH = Set.of("AE", "BS", "CF", "DO", "GB", "GM", "KM", "MV", "NL",
			"PH", "SC", "US");

	private static Map<String, ZoneId> zones() {
		Map<String, ZoneId> zones = new HashMap<>();
		for (Map<String, String> table : List.of(EU_TIME_ZONES, EEA_ONLY_TIME_ZONES, WAREHOUSE_TIME_ZONES)) {
			table.forEach((country, zone) -> zones.putIfAbsent(country, ZoneId.of(zone)));
		}
		return Map.copyOf(zones);
	}

	public CountryCode {
		if (value == null || !ISO.contains(value)) {
			throw new IllegalArgumentException(
					"'%s' is not an ISO 3166-1 alpha-2 country code (two upper-case letters, e.g. ES)"
						.formatted(value));
		}
	}

	public static CountryCode of(String value) {
		return new CountryCode(value);
	}

	/** A country the gateway delivers to: an EU member state. */
	public static CountryCode destination(String value) {
		CountryCode country = of(value);
		if (!country.isEu()) {
			throw new IllegalArgumentException(
					"'%s' is not an EU country: the gateway serves shoppers in the 27 EU member states"
						.formatted(value));
		}
		return country;
	}

	/** The EU's 27 member states, the gateway's destinations, as ISO codes. */
	public static Set<String> euCodes() {
		return EU_TIME_ZONES.keySet();
	}

	/**
	 * Member of the EU customs and VAT union, so goods from there carry no import
	 * charges.
	 */
	public boolean isEu() {
		return EU_TIME_ZONES.containsKey(this.value);
	}

	/**
	 * Where the country's days start and end: its own zone for the EEA and the usual
	 * warehouse countries, UTC for the rest.
	 */
	public ZoneId timeZone() {
		return ZONES.getOrDefault(this.value, UTC);
	}

	/** The country's name in a language, from CLDR through ICU. */
	public String displayName(Locale locale) {
		return new ULocale("", this.value, "").getDisplayCountry(ULocale.forLocale(locale));
	}

	/**
	 * Whether English says the country with "the": CLDR has no such data, so a small rule
	 * does: the plural and descriptive names (the Netherlands, the Philippines, the
	 * United Kingdom, the Dominican Republic, ...) and every name of "Islands".
	 */
	public boolean takesTheInEnglish() {
		return DEFINITE_IN_ENGLISH.contains(this.value)
				|| new ULocale("", this.value, "").getDisplayCountry(ULocale.ENGLISH).endsWith("Islands");
	}

	@Override
	public String toString() {
		return this.value;
	}

}
