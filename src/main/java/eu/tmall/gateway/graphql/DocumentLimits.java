package eu.tmall.gateway.graphql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.parser.ParserOptions;

/**
 * The limits a query document meets once, when it is parsed, so they are cached with it:
 * the parser's (characters, tokens, rule depth) and the number of aliases.
 */
class DocumentLimits {

	// graphql-java ends every message of a parse it cancelled at a limit with this
	private static final String PARSE_CANCELLED = "parsing has been cancelled";

	private final ParserOptions parserOptions;

	private final Map<String, String> parserLimits;

	private final int maxAliases;

	DocumentLimits(QueryLimits limits) {
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform(options -> options.maxCharacters(limits.maxCharacters())
				.maxTokens(limits.maxTokens())
				.maxWhitespaceTokens(limits.maxWhitespaceTokens())
				.maxRuleDepth(limits.maxRuleDepth()));
		this.maxAliases = limits.maxAliases();
		// what each of graphql-java's messages says was exceeded, and the setting behind
		// it
		this.parserLimits = Map.of("'grammar' tokens", "gateway.limits.max-tokens (%d)".formatted(limits.maxTokens()),
				"'whitespace' tokens",
				"gateway.limits.max-whitespace-tokens (%d)".formatted(limits.maxWhitespaceTokens()), "characters",
				"gateway.limits.max-characters (%d)".formatted(limits.maxCharacters()), "deep 'grammar' rules",
				"gateway.limits.max-rule-depth (%d)".formatted(limits.maxRuleDepth()));
	}

	ParserOptions parserOptions() {
		return this.parserOptions;
	}

	PreparsedDocumentEntry check(PreparsedDocumentEntry entry) {
		if (entry.hasErrors()) {
			return new PreparsedDocumentEntry(entry.getErrors().stream().map(this::coded).toList());
		}
		int aliases = countAliases(entry.getDocument());
		if (aliases > this.maxAliases) {
			return new PreparsedDocumentEntry(GraphQlErrors.limitExceeded(ErrorCode.TOO_MANY_ALIASES,
					"the query has %d aliases, more than gateway.limits.max-aliases (%d)".formatted(aliases,
							this.maxAliases)));
		}
		return entry;
	}

	private GraphQLError coded(GraphQLError error) {
		String message = error.getMessage();
		if (!(error instanceof InvalidSyntaxError) || message == null || !message.contains(PARSE_CANCELLED)) {
			return error;
		}
		String limit = this.parserLimits.entrySet()
			.stream()
			.filter(entry -> message.contains(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("the parser's limits");
		return GraphQlErrors.limitExceeded(ErrorCode.QUERY_TOO_LARGE,
				"the query is larger than %s: %s".formatted(limit, message));
	}

	/**
	 * Counts without recursion: the parser's rule depth bounds the nesting, not the
	 * stack.
	 */
	private static int countAliases(Document document) {
		int aliases = 0;
		Deque<Node<?>> pending = new ArrayDeque<>(List.of(document));
		while (!pending.isEmpty()) {
			Node<?> node = pending.pop();
			if (node instanceof Field field && field.getAlias() != null) {
				aliases++;
			}
			node.getChildren().forEach(pending::push);
		}
		return aliases;
	}

}
