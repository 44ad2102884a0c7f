package eu.tmall.gateway.upstream;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixed vectors computed independently with
 * {@code printf '%s' "<canonical>" | openssl dgst -sha256 -hmac helloworld}.
 */
class ApiSignerTests {

	@Test
	void shouldSignTmallCallsOverThePathAndSortedParameters() {
		Map<String, String> params = Map.of("timestamp", "1767225600000", "item_ids", "1,2", "app_key", "123456",
				"sign_method", "sha256", "ship_to", "ES");

		assertThat(ApiSigner.sign("helloworld", "/products/get", params))
			.isEqualTo("745277DAA1FA8BDAFF5EE93A99D3CDD76382CA203DBEDE5C09E94D313FD05AEB");
	}

	@Test
	void shouldSignAliExpressCallsOverTheSortedParametersWithoutPrefix() {
		Map<String, String> params = Map.of("method", "aliexpress.affiliate.product.ean.get", "app_key", "123456",
				"timestamp", "1767225600000", "sign_method", "sha256", "ean_codes", "4006381333931", "ship_to_country",
				"ES");

		assertThat(ApiSigner.sign("helloworld", "", params))
			.isEqualTo("87A6B6083AA3BCFA99E764D4284942BFA3572108DF2D19C763E19413BA34C04D");
	}

	@Test
	void shouldLeaveAnExistingSignOutOfWhatIsSigned() {
		Map<String, String> unsigned = Map.of("app_key", "123456", "timestamp", "1");
		Map<String, String> signed = Map.of("app_key", "123456", "timestamp", "1", "sign", "ABC");

		assertThat(ApiSigner.sign("s", "", signed)).isEqualTo(ApiSigner.sign("s", "", unsigned));
	}

	@Test
	void shouldChangeWithTheSecret() {
		Map<String, String> params = Map.of("app_key", "123456");

		assertThat(ApiSigner.sign("one", "", params)).isNotEqualTo(ApiSigner.sign("two", "", params));
	}

}
