package eu.tmall.gateway.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.parser.ParserOptions;

/**
 * Where graphql-java gets a request's parsed and validated document: by hash for a
 * persisted query, else from the cache by query text; either way parsed within the
 * document limits and checked against them once, when it is parsed.
 */
class Documents implements PreparsedDocumentProvider {

	private final PreparsedDocuments parsed;

	private final ApolloPersistedQuerySupport persisted;

	private final DocumentLimits limits;

	Documents(PreparsedDocuments parsed, PersistedQueries persisted, DocumentLimits limits) {
		this.parsed = parsed;
		this.persisted = new ApolloPersistedQuerySupport(persisted);
		this.limits = limits;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		Function<ExecutionInput, PreparsedDocumentEntry> checked = in -> {
			// graphql-java's parser reads its limits from the request's context
			in.getGraphQLContext().put(ParserOptions.class, this.limits.parserOptions());
			return this.limits.check(parseAndValidate.apply(in));
		};
		if (input.getExtensions().containsKey("persistedQuery")) {
			return this.persisted.getDocumentAsync(input, checked);
		}
		return this.parsed.getDocumentAsync(input, checked);
	}

}
