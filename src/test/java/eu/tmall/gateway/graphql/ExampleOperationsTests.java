package eu.tmall.gateway.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.PatientTestClients;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frontend kit's operations ({@code examples/operations/*.graphql}) run against the
 * whole gateway over its embedded upstreams, each with the variables beside it: every one
 * validates and answers data, without an error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureHttpGraphQlTester
@Import(FixedClockConfiguration.class)
class ExampleOperationsTests {

	static final Path OPERATIONS = Path.of("examples", "operations");

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private JsonMapper json;

	static Stream<Path> operations() throws IOException {
		try (Stream<Path> files = Files.list(OPERATIONS)) {
			return files.filter(file -> file.toString().endsWith(".graphql")).sorted().toList().stream();
		}
	}

	@Test
	void shouldKeepAnOperationForEachKindOfClient() throws IOException {
		assertThat(operations().map(file -> file.getFileName().toString())).contains("TmallCompare.graphql",
				"ProductPage.graphql", "SearchPage.graphql", "PartnerBatch.graphql");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void shouldAnswerTheOperationWithDataAndNoError(Path file) throws IOException {
		String document = Files.readString(file, StandardCharsets.UTF_8);
		String name = file.getFileName().toString().replace(".graphql", "");
		assertThat(operationNames(document)).as("the one operation of %s, named as its file", file)
			.containsExactly(name);
		Path variablesFile = file.resolveSibling(name + ".variables.json");
		assertThat(variablesFile).as("the variables of %s", file).exists();

		Map<String, Object> variables = this.json.readValue(variablesFile.toFile(), new TypeReference<>() {
		});

		Map<String, Object> data = this.graphQl.mutate()
			.header("Accept-Language", "en")
			// the first request of a cold gateway on a busy machine
			.responseTimeout(PatientTestClients.PATIENCE)
			.build()
			.document(document)
			.operationName(name)
			.variables(variables)
			.execute()
			.errors()
			.verify()
			.path("")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();

		assertThat(data).isNotEmpty();
		data.forEach((field, value) -> assertThat(value).as("%s of %s", field, name)
			.isNotNull()
			.satisfies(answered -> assertThat(answered instanceof List<?> list && list.isEmpty()).isFalse()));
	}

	private static List<String> operationNames(String document) {
		Document parsed = Parser.parse(document);
		return parsed.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.map(OperationDefinition::getName)
			.toList();
	}

}
