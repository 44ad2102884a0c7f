package eu.tmall.gateway.embedded;

/**
 * The app key and secret an upstream expects its callers to sign with.
 *
 * @param appKey the public application key
 * @param appSecret the signing secret, never printed
 */
public record Credentials(String appKey, String appSecret) {

	@Override
	public String toString() {
		return "Credentials[appKey=" + this.appKey + ", appSecret=******]";
	}

}
