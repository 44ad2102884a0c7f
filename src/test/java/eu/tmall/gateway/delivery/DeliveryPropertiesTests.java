package eu.tmall.gateway.delivery;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

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

		// Spring Festival and National Day, and nothing for a country with a calendar
		assertThat(properties.holidays(CountryCode.of("CN"))).contains(LocalDate.of(2026, 2, 17),
				LocalDate.of(2026, 10, 1));
		assertThat(properties.holidays(CountryCode.of("ES"))).isEmpty();
	}

	private static DeliveryProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("gateway.delivery",
				DeliveryProperties.class);
	}

}
