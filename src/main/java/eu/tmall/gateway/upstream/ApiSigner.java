package eu.tmall.gateway.upstream;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The open platforms' request signature: uppercase hex of HMAC-SHA256 over an optional
 * prefix (Tmall Europe signs the API path) followed by every parameter but {@code sign},
 * sorted by name, as {@code name1value1name2value2…}.
 */
public final class ApiSigner {

	/**
	 * The name of the parameter that carries the signature; never part of what is signed.
	 */
	public static final String SIGN = "sign";

	private static final String ALGORITHM = "HmacSHA256";

	private ApiSigner() {
	}

	public static String sign(String secret, String prefix, Map<String, String> parameters) {
		return HexFormat.of().withUpperCase().formatHex(mac(secret).doFinal(canonical(prefix, parameters)));
	}

	private static byte[] canonical(String prefix, Map<String, String> parameters) {
		StringBuilder text = new StringBuilder(prefix);
		new TreeMap<>(parameters).forEach((name, value) -> {
			if (!SIGN.equals(name)) {
				text.append(name).append(value);
			}
		});
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static Mac mac(String secret) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
