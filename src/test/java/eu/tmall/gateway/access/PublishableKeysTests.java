package eu.tmall.gateway.access;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishableKeysTests {

	private static final ClientsProperties.RateLimit LIMIT = new ClientsProperties.RateLimit(1, 1,
			Duration.ofMinutes(1));

	private static final Client SHOP = new Client("shop", Client.Kind.PUBLISHABLE, null);

	private final PublishableKeys keys = new PublishableKeys(
			List.of(new PublishableKeys.Entry("pk_shop_0123456789abcdef", SHOP, Set.of("https://shop.example.eu"))));

	@Test
	void shouldAdmitAKeyFromOneOfItsOrigins() {
		PublishableKeys.Entry entry = this.keys.find("pk_shop_0123456789abcdef");

		assertThat(entry).isNotNull();
		assertThat(entry.admit("https://shop.example.eu")).isEqualTo(SHOP);
	}

	@Test
	void shouldRefuseAKeyFromAnotherOriginOrNone() {
		PublishableKeys.Entry entry = this.keys.find("pk_shop_0123456789abcdef");

		assertThat(entry).isNotNull();
		for (String origin : new String[] { "https://shop.example.eu.evil.com", "http://shop.example.eu", "null",
				null }) {
			assertThatThrownBy(() -> entry.admit(origin)).isInstanceOfSatisfying(RefusedRequest.class,
					refused -> assertThat(refused.code().name()).isEqualTo("ORIGIN_NOT_ALLOWED"));
		}
	}

	@Test
	void shouldKnowOnlyItsKeysAndOrigins() {
		assertThat(this.keys.find("pk_shop_0123456789abcdeF")).isNull();
		assertThat(this.keys.isAllowedOrigin("https://shop.example.eu")).isTrue();
		assertThat(this.keys.isAllowedOrigin("https://other.example.eu")).isFalse();
		assertThat(this.keys.isAllowedOrigin(null)).isFalse();
	}

	@Test
	void shouldRefuseAKeyWithoutItsPrefixOrTooShort() {
		for (String key : new String[] { "sk_shop_0123456789abcdef", "pk_short", "" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> properties("shop", key, "https://shop.example.eu"))
				.withMessageStartingWith("gateway.clients.publishable.shop.key must be 'pk_'");
		}
	}

	@Test
	void shouldRefuseAnOriginBrowsersNeverSend() {
		for (String origin : new String[] { "https://shop.example.eu/", "https://Shop.example.eu",
				"https://shop.example.eu:443", "shop.example.eu", "https://shop.example.eu/path",
				"ftp://shop.example.eu", "https://*.example.eu" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> properties("shop", "pk_shop_0123456789abcdef", origin))
				.withMessageContaining("'%s' is not an origin as browsers send it".formatted(origin));
		}
	}

	@Test
	void shouldAcceptAnOriginWithAPortOfItsOwn() {
		assertThat(properties("shop", "pk_shop_0123456789abcdef", "http://127.0.0.1:8123").publishable())
			.containsKey("shop");
	}

	@Test
	void shouldRefuseAKeyWithNoOrigins() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new ClientsProperties(true, null, Map.of("shop", publishable("pk_shop_0123456789abcdef"))))
			.withMessageContaining("allowed-origins must list the origins");
	}

	@Test
	void shouldRefuseAnIdThatIsAPartnersToo() {
		ClientsProperties.Partner partner = new ClientsProperties.Partner(Sha256.hex("secret"), LIMIT, null);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientsProperties(true, Map.of("shop", partner),
					Map.of("shop", publishable("pk_shop_0123456789abcdef", "https://shop.example.eu"))))
			.withMessageContaining("'shop' is a partner's id too");
	}

	@Test
	void shouldRefuseOneKeyForTwoClients() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientsProperties(true, null,
					Map.of("a", publishable("pk_shop_0123456789abcdef", "https://a.example.eu"), "b",
							publishable("pk_shop_0123456789abcdef", "https://b.example.eu"))))
			.withMessageContaining("is another publishable key's too");
	}

	private static ClientsProperties properties(String id, String key, String origin) {
		return new ClientsProperties(true, null, Map.of(id, publishable(key, origin)));
	}

	private static ClientsProperties.Publishable publishable(String key, String... origins) {
		return new ClientsProperties.Publishable(key, List.of(origins), LIMIT,
				new ClassPathResource("widget/TmallCompare.graphql"));
	}

}
