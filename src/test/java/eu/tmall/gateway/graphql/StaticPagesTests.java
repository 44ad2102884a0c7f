package eu.tmall.gateway.graphql;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway serves its pages' assets itself: GraphiQL's and the widget's come from the
 * jar, so they work without the internet (the browser tests run them in Chromium with
 * every other host blocked).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureWebTestClient
class StaticPagesTests {

	private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

	@Autowired
	private WebTestClient http;

	@Test
	void shouldServeGraphiQlWithItsAssetsFromTheGateway() {
		String page = get("/graphiql?path=/graphql", MediaType.TEXT_HTML);

		List<String> assets = ASSET.matcher(page).results().map(asset -> asset.group(1)).toList();
		assertThat(assets).isNotEmpty().allSatisfy(asset -> assertThat(asset).startsWith("graphiql/"));
		assertThat(page).doesNotContain("esm.sh").doesNotContain("https://");
		for (String asset : assets) {
			get("/" + asset,
					asset.endsWith(".css") ? MediaType.valueOf("text/css") : MediaType.valueOf("text/javascript"));
		}
	}

	@Test
	void shouldServeTheWidgetAndItsDemo() {
		assertThat(get("/widget/tmall-compare.js", MediaType.valueOf("text/javascript")))
			.contains("customElements.define('tmall-compare'");
		assertThat(get("/widget/demo.html", MediaType.TEXT_HTML)).contains("<tmall-compare")
			.contains("src=\"tmall-compare.js\"");
	}

	private String get(String path, MediaType type) {
		// GraphiQL's bundle is a megabyte
		return this.http.mutate()
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.build()
			.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(type)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
