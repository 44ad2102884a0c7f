package eu.tmall.gateway.embedded;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmbeddedUpstreamsMainTests {

	@Test
	void shouldReadOptionsOverDefaults() {
		EmbeddedUpstreamsSettings settings = EmbeddedUpstreamsMain.settings(
				EmbeddedUpstreamsMain
					.options(new String[] { "--latency-ms=5", "--verify-signatures=false", "--journal-entries=0" }),
				Map.of());
		assertThat(settings.tmallPort()).isEqualTo(8091);
		assertThat(settings.aliExpressPort()).isEqualTo(8092);
		assertThat(settings.latency()).isEqualTo(Duration.ofMillis(5));
		assertThat(settings.verifySignatures()).isFalse();
		assertThat(settings.journalEntries()).isZero();
	}

	@Test
	void shouldTakeCredentialsFromTheEnvironment() {
		Map<String, String> environment = Map.of("TMALL_APP_KEY", "tk", "TMALL_APP_SECRET", "ts", "ALIEXPRESS_APP_KEY",
				"ak", "ALIEXPRESS_APP_SECRET", "as");
		EmbeddedUpstreamsSettings settings = EmbeddedUpstreamsMain
			.settings(EmbeddedUpstreamsMain.options(new String[0]), environment);
		assertThat(settings.verifySignatures()).isTrue();
		assertThat(settings.tmall()).isEqualTo(new Credentials("tk", "ts"));
		assertThat(settings.aliExpress()).isEqualTo(new Credentials("ak", "as"));
	}

	@Test
	void shouldRefuseToVerifyWithoutSecrets() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmbeddedUpstreamsMain.settings(EmbeddedUpstreamsMain.options(new String[0]),
					Map.of("TMALL_APP_KEY", "tk", "TMALL_APP_SECRET", "ts")))
			.withMessageContaining("ALIEXPRESS_APP_SECRET");
	}

	@Test
	void shouldRefuseUnknownOptions() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmbeddedUpstreamsMain.options(new String[] { "--port=1" }))
			.withMessageContaining("--tmall-port");
	}

}
