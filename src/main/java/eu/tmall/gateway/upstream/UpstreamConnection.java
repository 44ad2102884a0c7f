package eu.tmall.gateway.upstream;

import java.net.URI;

/**
 * Where an upstream is and the credentials to call it with.
 */
public record UpstreamConnection(URI baseUrl, String appKey, String appSecret) {

	public UpstreamConnection {
		if (appKey.isBlank() || appSecret.isBlank()) {
			throw new IllegalArgumentException("an upstream connection needs an app key and an app secret");
		}
	}

	@Override
	public String toString() {
		return "UpstreamConnection[baseUrl=" + this.baseUrl + ", appKey=" + this.appKey + ", appSecret=******]";
	}

}
