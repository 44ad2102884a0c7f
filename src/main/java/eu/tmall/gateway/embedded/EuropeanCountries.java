package eu.tmall.gateway.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.pricing.PricingProperties;
import eu.tmall.gateway.pricing.VatRates;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The destinations both marketplaces deliver to, the EU's 27: their VAT, which prices are
 * quoted with, and the rough region that decides how long a parcel travels.
 */
final class EuropeanCountries {

	// country:region
	private static final String REGIONS = """
			DE:W FR:W NL:W BE:W LU:W AT:W
			ES:S PT:S IT:S MT:S GR:S CY:S SI:S HR:S
			DK:N SE:N FI:N EE:N LV:N LT:N IE:N
			PL:E CZ:E SK:E HU:E RO:E BG:E""";

	private static final Map<String, Character> REGION = Arrays.stream(REGIONS.split("\\s+"))
		.map(entry -> entry.split(":"))
		.collect(Collectors.toUnmodifiableMap(fields -> fields[0], fields -> fields[1].charAt(0)));

	// The gateway's own table (gateway.pricing.vat in application.yml), not a second
	// one: the marketplaces quote with the rates the gateway takes their prices apart
	// with. Read from the file, as the embedded upstreams also run without Spring.
	private static final VatRates VAT = new VatRates(vatTables());

	private EuropeanCountries() {
	}

	static boolean isSupported(String countryCode) {
		return REGION.containsKey(countryCode);
	}

	/**
	 * The consumer price: the net price plus the VAT of the destination in force today.
	 */
	static BigDecimal grossPrice(BigDecimal netPrice, String countryCode) {
		return netPrice.multiply(vatFactor(countryCode)).setScale(2, RoundingMode.HALF_UP);
	}

	/** The net price that a consumer price in the destination includes VAT for. */
	static BigDecimal netPrice(BigDecimal grossPrice, String countryCode) {
		return grossPrice.divide(vatFactor(countryCode), 2, RoundingMode.HALF_UP);
	}

	static boolean sameRegion(String countryCode, String otherCountryCode) {
		return region(countryCode) == region(otherCountryCode);
	}

	private static BigDecimal vatFactor(String countryCode) {
		if (!isSupported(countryCode)) {
			throw new IllegalArgumentException("Not a supported destination: " + countryCode);
		}
		BigDecimal rate = VAT.rate(CountryCode.of(countryCode), LocalDate.now(ZoneOffset.UTC));
		return BigDecimal.ONE.add(rate.movePointLeft(2));
	}

	private static char region(String countryCode) {
		Character region = REGION.get(countryCode);
		if (region == null) {
			throw new IllegalArgumentException("Not a supported destination: " + countryCode);
		}
		return region;
	}

	private static List<PricingProperties.VatTable> vatTables() {
		try {
			List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml",
					new ClassPathResource("application.yml"));
			return new Binder(ConfigurationPropertySources.from(yaml))
				.bind("gateway.pricing.vat", Bindable.listOf(PricingProperties.VatTable.class))
				.orElseThrow(() -> new IllegalStateException("application.yml has no gateway.pricing.vat"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("application.yml cannot be read for its VAT table", ex);
		}
	}

}
