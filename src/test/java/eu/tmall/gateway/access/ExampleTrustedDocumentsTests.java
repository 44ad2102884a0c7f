package eu.tmall.gateway.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import eu.tmall.gateway.PatientTestClients;
import graphql.language.AstPrinter;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frontend kit's trusted-documents manifest ({@code examples/trusted-documents.json},
 * written by {@code npm run codegen} in {@code frontend-kit/}) holds exactly the example
 * operations, and a partner restricted to it runs each of them by its hash alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"gateway.embedded.latency=0ms", "gateway.clients.require-key=true",
		// SHA-256 of "kit-partner-key"
		"gateway.clients.partners.kit.key-sha256=8ac19cb7e7a92ff677ec9d3868a9371573c9a1e0f49c6fba9e2c4cb84c63a98b",
		"gateway.clients.partners.kit.trusted-documents=file:examples/trusted-documents.json" })
@AutoConfigureWebTestClient
class ExampleTrustedDocumentsTests {

	private static final Path MANIFEST = Path.of("examples", "trusted-documents.json");

	private static final Path OPERATIONS = Path.of("examples", "operations");

	private static final String REGENERATE = "%s does not hold the operations of %s: write it anew with "
			+ "`cd frontend-kit && npm ci && npm run codegen` and commit it";

	@Autowired
	private WebTestClient http;

	@Autowired
	private JsonMapper json;

	static Stream<String> operationNames() throws IOException {
		return operationFiles().stream().map(file -> file.getFileName().toString().replace(".graphql", ""));
	}

	@Test
	void shouldHoldExactlyTheExampleOperations() throws IOException {
		TrustedDocuments trusted = TrustedDocuments.read(new FileSystemResource(MANIFEST), this.json);
		Map<String, String> manifest = manifest();
		List<String> expected = operationFiles().stream()
			.map(ExampleTrustedDocumentsTests::read)
			.map(ExampleTrustedDocumentsTests::compact)
			.toList();

		assertThat(trusted.size()).isEqualTo(manifest.size());
		assertThat(manifest.values().stream().map(ExampleTrustedDocumentsTests::compact).toList())
			.as(REGENERATE, MANIFEST, OPERATIONS)
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operationNames")
	void shouldRunEachOperationForAPartnerRestrictedToThemByItsHashAlone(String name) throws IOException {
		String hash = manifest().entrySet()
			.stream()
			.filter(entry -> operationName(entry.getValue()).equals(name))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new AssertionError(REGENERATE.formatted(MANIFEST, OPERATIONS)));
		Map<String, Object> variables = this.json.readValue(OPERATIONS.resolve(name + ".variables.json").toFile(),
				new TypeReference<>() {
				});

		post(Map.of("variables", variables, "extensions",
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors")
			.doesNotExist()
			.jsonPath("$.data")
			.isNotEmpty();
	}

	@Test
	void shouldRefuseThatPartnerAnOperationOutsideTheManifest() {
		post(Map.of("query", "{ __typename }")).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("OPERATION_NOT_TRUSTED");
	}

	private WebTestClient.ResponseSpec post(Map<String, Object> body) {
		return this.http.mutate()
			// the first request of a cold gateway on a busy machine
			.responseTimeout(PatientTestClients.PATIENCE)
			.build()
			.post()
			.uri("/graphql")
			.header("X-Api-Key", "kit-partner-key")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private Map<String, String> manifest() {
		return this.json.readValue(MANIFEST.toFile(), new TypeReference<>() {
		});
	}

	private static List<Path> operationFiles() throws IOException {
		try (Stream<Path> files = Files.list(OPERATIONS)) {
			return files.filter(file -> file.toString().endsWith(".graphql")).sorted().toList();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private static String operationName(String document) {
		return Parser.parse(document).getDefinitionsOfType(OperationDefinition.class).get(0).getName();
	}

	/** A document without its layout and comments. */
	private static String compact(String document) {
		return AstPrinter.printAstCompact(Parser.parse(document));
	}

}
