package eu.tmall.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.tmall.gateway.shared.SharedTier;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryError;
import graphql.execution.preparsed.persisted.PersistedQueryIdInvalid;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import reactor.core.publisher.Mono;

/**
 * Apollo's automatic persisted queries: documents by their SHA-256 hash, registered by
 * the first request that sends both. graphql-java's {@code ApolloPersistedQuerySupport}
 * answers an unknown hash with {@code PersistedQueryNotFound} and refuses a document
 * whose hash is not the one sent.
 * <p>
 * Each instance keeps the documents it has parsed; with a shared tier a registration is
 * also written to Redis, so that a hash registered through one instance is found through
 * any other. Only the text is shared (graphql-java checks it against its hash again when
 * it is read); while Redis is away an instance knows the hashes registered through it.
 */
class PersistedQueries implements PersistedQueryCache {

	private static final String USE = "apq";

	private final Cache<Object, PreparsedDocumentEntry> documents;

	private final SharedTier shared;

	PersistedQueries(long maxSize) {
		this(maxSize, SharedTier.off());
	}

	PersistedQueries(long maxSize, SharedTier shared) {
		this.documents = Caffeine.newBuilder().maximumSize(maxSize).build();
		this.shared = shared;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(Object hash, ExecutionInput input,
			PersistedQueryCacheMiss onCacheMiss) {
		PreparsedDocumentEntry known = this.documents.getIfPresent(hash);
		if (known != null) {
			return CompletableFuture.completedFuture(known);
		}
		String document = document(input);
		if (!document.isEmpty() || !this.shared.enabled()) {
			return CompletableFuture
				.completedFuture(this.documents.get(hash, key -> register(key, document, onCacheMiss)));
		}
		return this.shared.call(USE, redis -> redis.get(key(hash))).map(text -> {
			this.shared.looked(USE, 1, 0);
			return new String(text, StandardCharsets.UTF_8);
		}).switchIfEmpty(Mono.fromSupplier(() -> {
			this.shared.looked(USE, 0, this.shared.available() ? 1 : 0);
			return "";
		})).map(text -> parsed(hash, text, onCacheMiss)).toFuture();
	}

	/**
	 * The document found in Redis, parsed as if the request had sent it; with none,
	 * graphql-java's own {@code PersistedQueryNotFound}, which it throws and, since this
	 * answer comes later than its call, is made into its error entry here.
	 */
	private PreparsedDocumentEntry parsed(Object hash, String text, PersistedQueryCacheMiss onCacheMiss) {
		try {
			return this.documents.get(hash, key -> onCacheMiss.apply(text));
		}
		catch (PersistedQueryNotFound ex) {
			return error(ex, ex.getExtensions());
		}
		catch (PersistedQueryIdInvalid ex) {
			return error(ex, ex.getExtensions());
		}
	}

	/** As graphql-java's {@code PersistedQuerySupport#mkMissingError} makes it. */
	private static PreparsedDocumentEntry error(PersistedQueryError ex, Map<String, Object> extensions) {
		return new PreparsedDocumentEntry(
				GraphqlErrorBuilder.newError().errorType(ex).message(ex.getMessage()).extensions(extensions).build());
	}

	private PreparsedDocumentEntry register(Object hash, String document, PersistedQueryCacheMiss onCacheMiss) {
		PreparsedDocumentEntry entry = onCacheMiss.apply(document);
		if (this.shared.enabled() && !entry.hasErrors()) {
			byte[] text = document.getBytes(StandardCharsets.UTF_8);
			long ttl = this.shared.properties().persistedQueryTtl().toMillis();
			this.shared.send(USE, redis -> redis.psetex(key(hash), ttl, text));
		}
		return entry;
	}

	/** The hash is the document's own: no version, as no change of shape can apply. */
	private String key(Object hash) {
		return this.shared.key("apq", hash.toString());
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
