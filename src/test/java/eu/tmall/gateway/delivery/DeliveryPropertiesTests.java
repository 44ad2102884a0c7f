package eu.tmall.gateway.delivery;

import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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

	private static DeliveryProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("gateway.delivery",
				DeliveryProperties.class);
	}

}
