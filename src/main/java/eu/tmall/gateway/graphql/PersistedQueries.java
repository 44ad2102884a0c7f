package eu.tmall.gateway.graphql;

import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;

/**
 * Apollo's automatic persisted queries: documents by their SHA-256 hash, registered by
 * the first request that sends both. graphql-java's {@code ApolloPersistedQuerySupport}
 * answers an unknown hash with {@code PersistedQueryNotFound} and refuses a document
 * whose hash is not the one sent.
 */
class PersistedQueries implements PersistedQueryCache {

	private final Cache<Object, PreparsedDocumentEntry> documents;

	PersistedQueries(long maxSize) {
		this.documents = Caffeine.newBuilder().maximumSize(maxSize).build();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(Object hash, ExecutionInput input,
			PersistedQueryCacheMiss onCacheMiss) {
		return CompletableFuture.completedFuture(this.documents.get(hash, key -> onCacheMiss.apply(document(input))));
	}

	/**
	 * spring-graphql gives a request with only the hash graphql-java's marker as its
	 * document, which graphql-java 25 would check against the hash; without a document it
	 * answers PersistedQueryNotFound, as Apollo clients expect.
	 */
	private static String document(ExecutionInput input) {
		String query = input.getQuery();
		return PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(query) ? "" : query;
	}

}
