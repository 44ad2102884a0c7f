package eu.tmall.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as API-key hashes and persisted-query ids spell it: lowercase hex.
 */
final class Sha256 {

	private Sha256() {
	}

	static byte[] digest(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	static String hex(String text) {
		return HexFormat.of().formatHex(digest(text));
	}

}
