package eu.tmall.gateway.embedded;

import com.github.tomakehurst.wiremock.http.Request;

/**
 * The path of a request, without its query string.
 */
final class RequestPaths {

	private RequestPaths() {
	}

	static String of(Request request) {
		String url = request.getUrl();
		int query = url.indexOf('?');
		return (query >= 0) ? url.substring(0, query) : url;
	}

}
