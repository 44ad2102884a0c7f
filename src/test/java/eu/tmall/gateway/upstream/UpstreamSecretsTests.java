package eu.tmall.gateway.upstream;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What holds a secret never prints it, so a log line or an exception cannot carry it.
 */
class UpstreamSecretsTests {

	private static final String SECRET = "s3cr3t-0f-the-platform";

	@Test
	void shouldMaskTheSecretOfAConnection() {
		UpstreamConnection connection = new UpstreamConnection(URI.create("https://api.example"), "key-1", SECRET);

		assertThat(connection.toString()).contains("key-1").doesNotContain(SECRET);
	}

	@Test
	void shouldMaskTheSecretOfAConfiguredEndpoint() {
		UpstreamsProperties.Endpoint endpoint = new UpstreamsProperties.Endpoint(URI.create("https://api.example"),
				"key-1", SECRET, Duration.ofSeconds(1), Duration.ofSeconds(3));

		assertThat(endpoint.toString()).contains("https://api.example").doesNotContain(SECRET);
		assertThat(new UpstreamsProperties(endpoint, endpoint).toString()).doesNotContain(SECRET);
	}

}
