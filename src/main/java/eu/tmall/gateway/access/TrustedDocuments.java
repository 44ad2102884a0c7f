package eu.tmall.gateway.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/**
 * A client's allowed operations by their SHA-256 hash: a manifest of hash to document, or
 * one {@code .graphql} document.
 */
class TrustedDocuments {

	/**
	 * The document of the {@code <tmall-compare>} widget, which its script names by hash:
	 * what a publishable key may run unless configured otherwise.
	 */
	static final String WIDGET = "classpath:widget/TmallCompare.graphql";

	private final Map<String, String> documents;

	private TrustedDocuments(Map<String, String> documents) {
		this.documents = Map.copyOf(documents);
	}

	/**
	 * Reads a manifest, or a {@code .graphql} document; a hash that is not its document's
	 * refuses the start.
	 */
	static TrustedDocuments read(Resource manifest, JsonMapper json) {
		String filename = manifest.getFilename();
		if (filename != null && filename.endsWith(".graphql")) {
			return document(manifest);
		}
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

	private static TrustedDocuments document(Resource resource) {
		String document;
		try {
			document = resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the trusted document " + resource, ex);
		}
		return new TrustedDocuments(Map.of(Sha256.hex(document), document));
	}

	@Nullable String find(String sha256Hash) {
		return this.documents.get(sha256Hash);
	}

	int size() {
		return this.documents.size();
	}

}
