package eu.tmall.gateway.graphql;

import com.github.tomakehurst.wiremock.WireMockServer;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Counts the calls the gateway made to the embedded upstreams, from their request
 * journals.
 */
record UpstreamCalls(EmbeddedUpstreams upstreams) {

	int tmall(String path) {
		return count(this.upstreams.tmallServer(), "/rest" + path);
	}

	int aliExpress(String method) {
		return this.upstreams.aliExpressServer()
			.countRequestsMatching(
					postRequestedFor(urlPathEqualTo("/sync")).withFormParam("method", equalTo(method)).build())
			.getCount();
	}

	int total() {
		return tmallTotal() + aliExpressTotal();
	}

	int tmallTotal() {
		return this.upstreams.tmallServer().getAllServeEvents().size();
	}

	int aliExpressTotal() {
		return this.upstreams.aliExpressServer().getAllServeEvents().size();
	}

	private static int count(WireMockServer server, String path) {
		return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(path)).build()).getCount();
	}

}
