package eu.tmall.gateway.graphql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's table of error codes is the one a client reads: it lists every code the
 * gateway can answer with ({@link ErrorCode}, which {@link CodedErrors} holds every
 * answer to), and no other, each with its status, meaning and retry advice.
 */
class ErrorCodeTableTests {

	private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\|([^|]+)\\|([^|]+)\\|([^|]+)\\|$");

	@Test
	void shouldListEveryErrorCodeAndNoOther() throws IOException {
		List<Matcher> rows = errorCodeRows();

		assertThat(rows.stream().map(row -> row.group(1)))
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
	}

	@Test
	void shouldGiveEveryCodeAStatusAMeaningAndRetryAdvice() throws IOException {
		assertThat(errorCodeRows()).allSatisfy(row -> {
			assertThat(row.group(2)).as(row.group(1)).containsPattern("\\d{3}|request error|field error");
			assertThat(row.group(3).strip()).as(row.group(1)).hasSizeGreaterThan(10);
			assertThat(row.group(4).strip()).as(row.group(1)).matches("(yes|no)\\b.*");
		});
	}

	private static List<Matcher> errorCodeRows() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("README.md"));
		int heading = lines.indexOf("### Error codes");
		assertThat(heading).as("the README's Error codes section").isNotNegative();
		return lines.subList(heading, lines.size())
			.stream()
			.dropWhile(line -> !line.startsWith("| Code |"))
			.skip(2)
			.takeWhile(line -> line.startsWith("|"))
			.map(ROW::matcher)
			.filter(Matcher::matches)
			.toList();
	}

}
