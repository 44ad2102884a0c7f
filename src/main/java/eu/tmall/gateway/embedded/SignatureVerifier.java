package eu.tmall.gateway.embedded;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import eu.tmall.gateway.upstream.ApiSigner;

/**
 * Checks a call's system parameters the way the open platforms do: a known app key, then
 * a signature made with that app's secret; or nothing at all when verification is off.
 */
final class SignatureVerifier {

	private static final String SIGN_METHOD = "sha256";

	private final boolean enabled;

	private final Credentials credentials;

	SignatureVerifier(boolean enabled, Credentials credentials) {
		this.enabled = enabled;
		this.credentials = credentials;
	}

	/**
	 * Verifies the call.
	 * @param prefix what the platform signs before the parameters: the API path for Tmall
	 * Europe, nothing for AliExpress
	 * @param parameters the call's parameters
	 */
	void verify(String prefix, RequestParameters parameters) {
		if (!this.enabled) {
			return;
		}
		String appKey = parameters.required("app_key");
		if (!equal(appKey, this.credentials.appKey())) {
			throw new PlatformException(ErrorKind.INVALID_APP_KEY, "Invalid app key: " + appKey);
		}
		parameters.required("timestamp");
		if (!SIGN_METHOD.equalsIgnoreCase(parameters.required("sign_method"))) {
			throw PlatformException.invalid("sign_method", "must be " + SIGN_METHOD);
		}
		String sign = parameters.optional(ApiSigner.SIGN);
		String expected = ApiSigner.sign(this.credentials.appSecret(), prefix, parameters.asMap());
		if (sign == null || !equal(sign.toUpperCase(Locale.ROOT), expected)) {
			throw new PlatformException(ErrorKind.INCOMPLETE_SIGNATURE, PlatformException.SIGNATURE_MESSAGE);
		}
	}

	// constant time, so response timing does not leak how much of a signature was right
	private static boolean equal(String actual, String expected) {
		return MessageDigest.isEqual(actual.getBytes(StandardCharsets.UTF_8),
				expected.getBytes(StandardCharsets.UTF_8));
	}

}
