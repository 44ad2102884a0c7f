package eu.tmall.gateway.embedded;

/**
 * The platform errors the embedded upstreams answer with, and each platform's code.
 */
enum ErrorKind {

	INCOMPLETE_SIGNATURE("IncompleteSignature", "IncompleteSignature"),

	INVALID_APP_KEY("InvalidAppKey", "InvalidAppKey"),

	MISSING_PARAMETER("MissingParameter", "MissingParameter"),

	INVALID_PARAMETER("InvalidParameter", "isv.invalid-parameter"),

	INVALID_API_PATH("InvalidApiPath", "InvalidApiPath"),

	// AliExpress only; the Tmall Europe code keeps the mapping total
	INVALID_METHOD("InvalidApiPath", "InvalidMethod"),

	PRODUCT_NOT_FOUND("InvalidParameter", "isv.product-not-found"),

	INTERNAL_ERROR("InternalError", "InternalError");

	private final String tmallCode;

	private final String aliExpressCode;

	ErrorKind(String tmallCode, String aliExpressCode) {
		this.tmallCode = tmallCode;
		this.aliExpressCode = aliExpressCode;
	}

	String tmallCode() {
		return this.tmallCode;
	}

	String aliExpressCode() {
		return this.aliExpressCode;
	}

	/**
	 * Only a platform fault is {@code SYSTEM}; everything else is the caller's
	 * ({@code ISV}).
	 */
	String type() {
		return (this == INTERNAL_ERROR) ? "SYSTEM" : "ISV";
	}

}
