package eu.tmall.gateway.delivery;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeliveryPropertiesTests {

	@Test
	void shouldBindACutOffPerWarehouse() {
		DeliveryProperties properties = bind(
				Map.of("gateway.delivery.cut-off.default", "13:30", "gateway.delivery.cut-off.warehouses.CN", "16:00"));

		assertThat(properties.cutOff().of(CountryCode.of("CN"))).isEqualTo(LocalTime.of(16, 0));
		assertThat(properties.cutOff().of(CountryCode.of("ES"))).isEqualTo(LocalTime.of(13, 30));
	}

	@Test
	void shouldCutOffAtTwoByDefault() {
		DeliveryProperties properties = bind(Map.of());

		assertThat(properties.cutOff().of(CountryCode.of("ES"))).isEqualTo(LocalTime.of(14, 0));
	}

	@Test
	void shouldKnowChinasHolidaysFromApplicationYml() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		DeliveryProperties properties = new Binder(ConfigurationPropertySources.get(environment))
			.bind("gateway.delivery", DeliveryProperties.class)
			.get();

		// Spring Festival and National Day, 2027's Spring Festival by law, Lithuania's
		// Christmas Eve, and nothing for a country Jollyday knows in full
		DeliveryProperties.Holidays china = properties.holidays(CountryCode.of("CN"));
		assertThat(china.years()).containsOnlyKeys(2026, 2027);
		assertThat(china.of(2026)).contains(LocalDate.of(2026, 2, 17), LocalDate.of(2026, 10, 1));
		assertThat(china.of(2027)).contains(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 6),
				LocalDate.of(2027, 2, 7), LocalDate.of(2027, 2, 8));
		assertThat(properties.holidays(CountryCode.of("LT")).of(2027)).containsExactly(LocalDate.of(2027, 12, 24));
		assertThat(properties.holidays(CountryCode.of("ES")).of(2026)).isEmpty();
	}

	@Test
	void shouldRefuseAHolidayListedUnderAnotherYear() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("gateway.delivery.holidays.CN.years.2027[0]", "2026-10-01")))
			.havingRootCause()
			.withMessage("gateway.delivery.holidays lists 2026-10-01 under the year 2027");
	}

	private static DeliveryProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("gateway.delivery",
				DeliveryProperties.class);
	}

}
