package eu.tmall.gateway.graphql;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.delivery.CountryCode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The schema's custom scalars, each validating its input where it enters.
 */
@Configuration(proxyBeanMethods = false)
class ScalarsConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring
			.scalar(StringScalar.of("GTIN", "A GS1 GTIN-8/12/13/14, check digit verified", Gtin.class, Gtin::parse))
			.scalar(StringScalar.of("CountryCode", "ISO 3166-1 alpha-2; as input, an EU destination", CountryCode.class,
					CountryCode::destination))
			.scalar(StringScalar.of("Date", "An ISO-8601 calendar date, e.g. 2026-12-24", LocalDate.class,
					ScalarsConfiguration::parseDate))
			.scalar(DecimalScalar.TYPE);
	}

	private static LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'%s' is not an ISO-8601 date (yyyy-mm-dd)".formatted(text), ex);
		}
	}

}
