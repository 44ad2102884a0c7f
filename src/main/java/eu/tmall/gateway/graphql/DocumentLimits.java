package eu.tmall.gateway.graphql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

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

	private final int maxAliases;

	DocumentLimits(QueryLimits limits) {
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform(options -> options.maxCharacters(limits.maxCharacters())
				.maxTokens(limits.maxTokens())
				.maxWhitespaceTokens(limits.maxWhitespaceTokens())
				.maxRuleDepth(limits.maxRuleDepth()));
		this.maxAliases = limits.maxAliases();
	}

	ParserOptions parserOptions() {
		return this.parserOptions;
	}

	PreparsedDocumentEntry check(PreparsedDocumentEntry entry) {
		if (entry.hasErrors()) {
			return new PreparsedDocumentEntry(entry.getErrors().stream().map(DocumentLimits::coded).toList());
		}
		int aliases = countAliases(entry.getDocument());
		if (aliases > this.maxAliases) {
			return new PreparsedDocumentEntry(GraphQlErrors.limitExceeded("TOO_MANY_ALIASES",
					"the query has %d aliases, more than gateway.limits.max-aliases (%d)".formatted(aliases,
							this.maxAliases)));
		}
		return entry;
	}

	private static GraphQLError coded(GraphQLError error) {
		if (error instanceof InvalidSyntaxError && error.getMessage() != null
				&& error.getMessage().contains(PARSE_CANCELLED)) {
			return GraphQlErrors.limitExceeded("QUERY_TOO_LARGE", error.getMessage());
		}
		return error;
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
