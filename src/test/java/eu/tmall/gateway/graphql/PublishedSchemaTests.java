package eu.tmall.gateway.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema contract: {@code schema/published.graphqls} is the schema exactly as the
 * gateway serves it at {@code /graphql/schema}, so that the breaking-change check in
 * {@code .ci/run} and the frontends' code generator read what clients will meet.
 * <p>
 * {@code mvn test -Dtest=PublishedSchemaTests -Dpublish-schema} writes it anew.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureWebTestClient
class PublishedSchemaTests {

	static final Path PUBLISHED = Path.of("schema", "published.graphqls");

	@Autowired
	private WebTestClient http;

	@Test
	void shouldPublishTheSchemaTheGatewayServes() throws IOException {
		String served = this.http.get()
			.uri("/graphql/schema")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		if (System.getProperty("publish-schema") != null) {
			Files.writeString(PUBLISHED, served, StandardCharsets.UTF_8);
		}

		String published = Files.readString(PUBLISHED, StandardCharsets.UTF_8);

		assertThat(published).as("""
				%s is not the schema the gateway serves at /graphql/schema. If the change is meant, write it \
				anew with `mvn test -Dtest=PublishedSchemaTests -Dpublish-schema`, commit it, and list any \
				breaking change in CHANGELOG.md (scripts/schema-contract.sh says which)""".formatted(PUBLISHED))
			.isEqualTo(served);
	}

}
