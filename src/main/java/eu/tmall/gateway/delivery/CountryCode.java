package eu.tmall.gateway.delivery;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country. Any country can be a ship-from country; only the EU and
 * EEA states are destinations the gateway serves.
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

	/** A country the gateway delivers to: an EU or EEA state. */
	public static CountryCode destination(String value) {
		CountryCode country = of(value);
		if (!country.isEuOrEea()) {
			throw new IllegalArgumentException(
					"'%s' is not an EU/EEA country: the gateway serves shoppers in the EU, Iceland, Liechtenstein and Norway"
						.formatted(value));
		}
		return country;
	}

	/**
	 * Member of the EU customs and VAT union, so goods from there carry no import
	 * charges.
	 */
	public boolean isEu() {
		return EU_TIME_ZONES.containsKey(this.value);
	}

	public boolean isEuOrEea() {
		return isEu() || EEA_ONLY_TIME_ZONES.containsKey(this.value);
	}

	/**
	 * Where a destination's business days are counted; UTC for countries the gateway does
	 * not deliver to.
	 */
	public ZoneId timeZone() {
		String zone = EU_TIME_ZONES.getOrDefault(this.value, EEA_ONLY_TIME_ZONES.get(this.value));
		return (zone != null) ? ZoneId.of(zone) : ZoneId.of("UTC");
	}

	public String displayName(Locale locale) {
		return new Locale("", this.value).getDisplayCountry(locale);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
