package eu.tmall.gateway.embedded;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The destinations both marketplaces deliver to (EU and EEA): standard VAT rates, which
 * prices are quoted with, and the rough region that decides how long a parcel travels.
 */
final class EuropeanCountries {

	// country:VAT percent:region; standard rates as of 2026
	private static final String TABLE = """
			DE:19:W FR:20:W NL:21:W BE:21:W LU:17:W AT:20:W LI:8.1:W
			ES:21:S PT:23:S IT:22:S MT:18:S GR:24:S CY:19:S SI:22:S HR:25:S
			DK:25:N SE:25:N FI:25.5:N NO:25:N IS:24:N EE:24:N LV:21:N LT:21:N IE:23:N
			PL:23:E CZ:21:E SK:23:E HU:27:E RO:21:E BG:20:E""";

	private static final Map<String, Country> BY_CODE = Arrays.stream(TABLE.split("\\s+"))
		.map(Country::parse)
		.collect(Collectors.toUnmodifiableMap(Country::code, Function.identity()));

	private EuropeanCountries() {
	}

	static boolean isSupported(String countryCode) {
		return BY_CODE.containsKey(countryCode);
	}

	/** The consumer price: the net price plus the VAT of the destination. */
	static BigDecimal grossPrice(BigDecimal netPrice, String countryCode) {
		return netPrice.multiply(country(countryCode).vatFactor()).setScale(2, RoundingMode.HALF_UP);
	}

	/** The net price that a consumer price in the destination includes VAT for. */
	static BigDecimal netPrice(BigDecimal grossPrice, String countryCode) {
		return grossPrice.divide(country(countryCode).vatFactor(), 2, RoundingMode.HALF_UP);
	}

	static boolean sameRegion(String countryCode, String otherCountryCode) {
		return country(countryCode).region() == country(otherCountryCode).region();
	}

	private static Country country(String countryCode) {
		Country country = BY_CODE.get(countryCode);
		if (country == null) {
			throw new IllegalArgumentException("Not a supported destination: " + countryCode);
		}
		return country;
	}

	private record Country(String code, BigDecimal vatFactor, char region) {

		static Country parse(String entry) {
			String[] fields = entry.split(":");
			BigDecimal factor = BigDecimal.ONE.add(new BigDecimal(fields[1]).movePointLeft(2));
			return new Country(fields[0], factor, fields[2].charAt(0));
		}

	}

}
