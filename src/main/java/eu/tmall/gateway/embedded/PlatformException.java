package eu.tmall.gateway.embedded;

/**
 * A request the platform refuses, answered with its error envelope.
 */
final class PlatformException extends RuntimeException {

	static final String SIGNATURE_MESSAGE = "The request signature does not conform to platform standards";

	private final ErrorKind kind;

	private final int status;

	PlatformException(ErrorKind kind, String message) {
		this(kind, message, 200);
	}

	PlatformException(ErrorKind kind, String message, int status) {
		super(message, null, false, false);
		this.kind = kind;
		this.status = status;
	}

	static PlatformException missing(String parameter) {
		return new PlatformException(ErrorKind.MISSING_PARAMETER, "Missing required parameter: " + parameter);
	}

	static PlatformException invalid(String parameter, String rule) {
		return new PlatformException(ErrorKind.INVALID_PARAMETER, parameter + ": " + rule);
	}

	ErrorKind kind() {
		return this.kind;
	}

	/**
	 * 200 like every platform answer, except 404 for a path the platform does not serve.
	 */
	int status() {
		return this.status;
	}

}
