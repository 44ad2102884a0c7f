package eu.tmall.gateway.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTests {

	@Test
	void shouldNotPrintTheSecret() {
		Credentials credentials = new Credentials("key-123", "s3cr3t-value");
		assertThat(credentials.toString()).contains("key-123").doesNotContain("s3cr3t-value");
		assertThat(new EmbeddedUpstreamsSettings(0, 0, java.time.Duration.ZERO, true, credentials, credentials))
			.asString()
			.doesNotContain("s3cr3t-value");
	}

}
