package eu.tmall.gateway.embedded;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes platform answers: snake_case JSON, delayed by the configured latency.
 */
final class JsonResponses {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.build();

	private final ResponseLatency latency;

	JsonResponses(ResponseLatency latency) {
		this.latency = latency;
	}

	ResponseDefinition json(int status, Object body) {
		int delay = this.latency.millis();
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(MAPPER.writeValueAsBytes(body))
			.withFixedDelay((delay > 0) ? delay : null)
			.build();
	}

	/** An amount of money as the platforms write it: a string with two decimals. */
	static String amount(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	/** A fresh id for the envelope, as the platforms give every call one. */
	static String requestId() {
		return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
	}

}
