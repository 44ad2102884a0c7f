package eu.tmall.gateway.graphql;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema and GraphiQL are served for frontend developers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureWebTestClient
class SchemaEndpointsTests {

	@Autowired
	private WebTestClient http;

	@Test
	void shouldServeTheSchemaReadFromTheSchemaFolder() {
		String schema = this.http.get()
			.uri("/graphql/schema")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(schema).contains("scalar GTIN")
			.contains("product(currency: Currency! = EUR, gtin: GTIN!, shipTo: CountryCode!): Product")
			.contains("enum Origin");
	}

	@Test
	void shouldRedirectToGraphiqlWithALocationThatDoesNotEchoTheHostHeader() {
		String location = this.http.get()
			.uri("/graphiql")
			.header(HttpHeaders.HOST, "evil.example")
			.exchange()
			.expectStatus()
			.isTemporaryRedirect()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getFirst(HttpHeaders.LOCATION);

		assertThat(location).isEqualTo("/graphiql?path=/graphql").doesNotContain("evil.example");
		String page = this.http.get()
			.uri(location)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("graphiql");
	}

}
