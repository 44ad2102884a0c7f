package eu.tmall.gateway.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parses and validates each distinct query document once: clients send the same few
 * documents over and over, and parsing plus validation costs more than a cached answer.
 */
class PreparsedDocuments implements PreparsedDocumentProvider {

	private final Cache<String, PreparsedDocumentEntry> documents;

	PreparsedDocuments(long maxSize) {
		this.documents = Caffeine.newBuilder().maximumSize(maxSize).recordStats().build();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		return CompletableFuture
			.completedFuture(this.documents.get(input.getQuery(), query -> parseAndValidate.apply(input)));
	}

	Cache<String, PreparsedDocumentEntry> cache() {
		return this.documents;
	}

}
