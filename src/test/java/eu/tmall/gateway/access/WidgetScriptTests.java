package eu.tmall.gateway.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.tmall.gateway.delivery.SupportedLocales;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code <tmall-compare>} script names its document by hash and speaks the gateway's
 * languages: both are copies of a source of truth, held to it here.
 */
class WidgetScriptTests {

	private static final Pattern HASH = Pattern.compile("const DOCUMENT_SHA256 = '([0-9a-f]{64})';");

	private static final Pattern LANGUAGE = Pattern.compile("^\t\t([a-z]{2}): \\{ region: ", Pattern.MULTILINE);

	@Test
	void shouldNameTheWidgetsDocumentByItsHash() throws IOException {
		Matcher hash = HASH.matcher(script());

		assertThat(hash.find()).as("the script's DOCUMENT_SHA256").isTrue();
		String document = new ClassPathResource("widget/TmallCompare.graphql")
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(hash.group(1)).isEqualTo(Sha256.hex(document));
	}

	@Test
	void shouldSpeakEveryLanguageTheGatewaySpeaks() throws IOException {
		assertThat(LANGUAGE.matcher(script()).results().map(language -> language.group(1)))
			.containsExactlyElementsOf(SupportedLocales.ALL.stream().map(Locale::getLanguage).toList());
	}

	private static String script() throws IOException {
		return new ClassPathResource("static/widget/tmall-compare.js").getContentAsString(StandardCharsets.UTF_8);
	}

}
