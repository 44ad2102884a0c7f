package eu.tmall.gateway.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first query, read from the README so the two cannot drift apart, answers
 * as it did before {@code Product.offers} and {@code comparison} took {@code shipTo} and
 * {@code currency} (issue 18): without them, a product's offers are those of its root
 * field's destination and currency, exactly as when they are named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureHttpGraphQlTester
@Import(FixedClockConfiguration.class)
class ReadmeQueryTests {

	private static final Pattern FIRST_QUERY = Pattern.compile("```graphql\\n(query .*?)```", Pattern.DOTALL);

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private EmbeddedUpstreams upstreams;

	@Test
	void shouldAnswerTheReadmesQueryWithTheRootFieldsDestination() throws IOException {
		String readme = readmeQuery();
		String named = readme.replaceFirst("offers \\{", "offers(shipTo: \"ES\", currency: EUR) {")
			.replaceFirst("comparison \\{", "comparison(shipTo: \"ES\", currency: EUR) {");
		String gtin = this.upstreams.catalog().sharedGtins().get(300);

		Map<String, Object> answer = answer(readme, gtin);

		assertThat(named).isNotEqualTo(readme);
		assertThat(answer).extractingByKey("offers").asList().isNotEmpty();
		assertThat(answer).isEqualTo(answer(named, gtin));
	}

	private Map<String, Object> answer(String document, String gtin) {
		// the first query of a cold context, on a machine that may be busy
		return this.graphQl.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.document(document)
			.variable("gtin", gtin)
			.execute()
			.errors()
			.verify()
			.path("product")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private static String readmeQuery() throws IOException {
		Matcher query = FIRST_QUERY.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
		assertThat(query.find()).as("README.md has a ```graphql block with a query").isTrue();
		return query.group(1);
	}

}
