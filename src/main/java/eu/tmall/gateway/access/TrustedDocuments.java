package eu.tmall.gateway.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/**
 * A partner's manifest of allowed operations: SHA-256 hash to document.
 */
class TrustedDocuments {

	private final Map<String, String> documents;

	private TrustedDocuments(Map<String, String> documents) {
		this.documents = Map.copyOf(documents);
	}

	/** Reads a manifest; a hash that is not its document's refuses the start. */
	static TrustedDocuments read(Resource manifest, JsonMapper json) {
		JsonNode root;
		try (InputStream in = manifest.getInputStream()) {
			root = json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the trusted documents " + manifest, ex);
		}
		if (!root.isObject()) {
			throw new IllegalArgumentException(manifest + " must be a JSON object of SHA-256 hash to document");
		}
		Map<String, String> documents = new LinkedHashMap<>();
		root.propertyStream().forEach(entry -> documents.put(entry.getKey(), entry.getValue().asString()));
		documents.forEach((hash, document) -> {
			if (!Sha256.hex(document).equals(hash)) {
				throw new IllegalArgumentException(
						"%s: %s is not the SHA-256 hash of its document".formatted(manifest, hash));
			}
		});
		return new TrustedDocuments(documents);
	}

	@Nullable String find(String sha256Hash) {
		return this.documents.get(sha256Hash);
	}

	int size() {
		return this.documents.size();
	}

}
