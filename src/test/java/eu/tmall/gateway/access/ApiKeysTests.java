package eu.tmall.gateway.access;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTests {

	private final Client acme = new Client("acme", Client.Kind.PARTNER, null);

	private final Client globex = new Client("globex", Client.Kind.PARTNER, null);

	private final ApiKeys keys = new ApiKeys(List.of(new ApiKeys.Entry(Sha256.hex("acme-key"), this.acme),
			new ApiKeys.Entry(Sha256.hex("globex-key"), this.globex)));

	@Test
	void shouldFindThePartnerOfAKey() {
		assertThat(this.keys.find("acme-key")).isEqualTo(this.acme);
		assertThat(this.keys.find("globex-key")).isEqualTo(this.globex);
	}

	@Test
	void shouldFindNoPartnerForAnUnknownKeyOrAHash() {
		assertThat(this.keys.find("acme-key ")).isNull();
		assertThat(this.keys.find(Sha256.hex("acme-key"))).isNull();
		assertThat(this.keys.find("")).isNull();
	}

	@Test
	void shouldHashAsLowercaseHex() {
		assertThat(Sha256.hex("good-partner-key"))
			.isEqualTo("5019832fa81c7c6a5434d80577257393690c2e0707ea99c80bad757e555f2f4c");
	}

}
