package eu.tmall.gateway.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedDocumentsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void shouldFindADocumentByItsHash() {
		TrustedDocuments documents = TrustedDocuments.read(new ClassPathResource("access/trusted-documents.json"),
				this.json);

		assertThat(documents.size()).isEqualTo(2);
		assertThat(documents.find(Sha256.hex("query Typename { __typename }")))
			.isEqualTo("query Typename { __typename }");
		assertThat(documents.find(Sha256.hex("{ __typename }"))).isNull();
	}

	@Test
	void shouldReadOneGraphQlDocumentAsItsOwnManifest() throws IOException {
		ClassPathResource widget = new ClassPathResource("widget/TmallCompare.graphql");

		TrustedDocuments documents = TrustedDocuments.read(widget, this.json);

		assertThat(documents.size()).isEqualTo(1);
		String document = widget.getContentAsString(StandardCharsets.UTF_8);
		assertThat(documents.find(Sha256.hex(document))).isEqualTo(document).contains("query TmallCompare(");
	}

	@Test
	void shouldRefuseAManifestWhoseHashIsNotItsDocuments() {
		String manifest = "{\"%s\": \"query Other { __typename }\"}".formatted(Sha256.hex("{ __typename }"));

		assertThatIllegalArgumentException().isThrownBy(() -> TrustedDocuments.read(resource(manifest), this.json))
			.withMessageContaining("is not the SHA-256 hash of its document");
	}

	@Test
	void shouldRefuseAManifestThatIsNotAnObject() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TrustedDocuments.read(resource("[\"{ __typename }\"]"), this.json))
			.withMessageContaining("must be a JSON object of SHA-256 hash to document");
	}

	@Test
	void shouldRefuseAKeyHashThatIsNotLowercaseHexSha256() {
		ClientsProperties.RateLimit limit = new ClientsProperties.RateLimit(1, 1, Duration.ofMinutes(1));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientsProperties(true,
					Map.of("acme", new ClientsProperties.Partner(Sha256.hex("key").toUpperCase(), limit, null)), null))
			.withMessage("gateway.clients.partners.acme.key-sha256 must be the lowercase hex SHA-256 of the key");
	}

	private static ByteArrayResource resource(String content) {
		return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8));
	}

}
