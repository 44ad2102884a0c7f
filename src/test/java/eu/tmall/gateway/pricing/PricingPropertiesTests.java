package eu.tmall.gateway.pricing;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PricingPropertiesTests {

	@Test
	void shouldBindTheDefaultsOfApplicationYml() throws IOException {
		PricingProperties properties = bind(Map.of());

		assertThat(properties.vat()).extracting(PricingProperties.VatTable::validFrom)
			.containsExactly(LocalDate.parse("2025-08-01"));
		assertThat(properties.vat().get(0).rates()).hasSize(27)
			.containsEntry("FI", new BigDecimal("25.5"))
			.containsEntry("RO", new BigDecimal("21"))
			.containsEntry("EE", new BigDecimal("24"));
		assertThat(properties.customs().flatDuty().amount()).isEqualByComparingTo("3.00");
		assertThat(properties.customs().flatDuty().validFrom()).isEqualTo("2026-07-01");
		assertThat(properties.customs().flatDuty().validUntil()).isEqualTo("2028-07-01");
		assertThat(properties.fees())
			.extracting(fee -> "%s %s %s %s up to %s from %s until %s".formatted(fee.country(),
					fee.amount().stripTrailingZeros(), fee.currency(), fee.per(),
					fee.maxIntrinsicValue().stripTrailingZeros().toPlainString(), fee.validFrom(), fee.validUntil()))
			.containsExactly("IT 2 EUR PARCEL up to 150 from 2026-01-01 until null",
					"RO 25 RON PARCEL up to 150 from 2026-01-01 until null");
		assertThat(properties.ratesMaxAge()).isEqualTo(Duration.ofDays(7));
		assertThat(properties.customs().tariffs()).extracting(PricingProperties.Tariff::category)
			.containsExactly("Audio", "Beauty", "Computers", "Home & Kitchen", "Phones & Accessories",
					"Small Appliances", "Sports & Outdoors", "Tools & DIY", "Toys");
	}

	@Test
	void shouldFailAtStartUpNamingTheCountriesATableMisses() {
		// a list set in a stronger source replaces the whole list of application.yml
		Map<String, Object> germanyOnly = Map.of("gateway.pricing.vat[0].valid-from", "2026-01-01",
				"gateway.pricing.vat[0].rates.DE", "19");

		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(germanyOnly))
			.havingRootCause()
			.withMessageStartingWith(
					"the gateway.pricing.vat table valid from 2026-01-01 has no rate for AT, BE, BG, CY,")
			.withMessageEndingWith("SE, SI, SK");
	}

	@Test
	void shouldFailAtStartUpOnAFeeOfNoMemberState() {
		Map<String, Object> norway = Map.of("gateway.pricing.fees[0].country", "NO", "gateway.pricing.fees[0].amount",
				"2", "gateway.pricing.fees[0].currency", "EUR", "gateway.pricing.fees[0].max-intrinsic-value", "150",
				"gateway.pricing.fees[0].valid-from", "2026-01-01");

		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(norway))
			.havingRootCause()
			.withMessage("a gateway.pricing.fees entry needs country, an EU member state's ISO code or EU, not NO");
	}

	@Test
	void shouldFailAtStartUpOnARuleThatEndsBeforeItStarts() {
		Map<String, Object> backwards = Map.of("gateway.pricing.customs.flat-duty.valid-until", "2026-06-30");

		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(backwards))
			.havingRootCause()
			.withMessage("gateway.pricing.customs.flat-duty: valid-until 2026-06-30, the first day it no longer "
					+ "applies, must come after valid-from 2026-07-01");
	}

	private static PricingProperties bind(Map<String, Object> overrides) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
		return new Binder(ConfigurationPropertySources.get(environment))
			.bind("gateway.pricing", PricingProperties.class)
			.get();
	}

}
